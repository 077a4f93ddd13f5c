import { setFlagsFromString } from 'node:v8';
import type { GitAnswers } from '@mainline/git';
import { processIo } from './io.ts';
import { runCli } from './run-cli.ts';

/**
 * Runs the CLI on `argv` (the arguments after the command name) in this process, with
 * git's answers the front door asked meanwhile, if any.
 */
export function start(argv: readonly string[], gitAnswers?: GitAnswers): void {
  growYoungGenerationFaster();
  const io = processIo();
  void runCli(argv, gitAnswers ? { ...io, gitAnswers } : io).then((code) => {
    process.exitCode = code;
  });
}

/**
 * Reading a large BUILD.json fills the young generation several times while it is still
 * tiny, and every scavenge copies what survives (nearly all of it): growing it 8-fold per
 * step instead of 2-fold cut garbage collection of a 10,000-target `affected` from 25 ms to
 * 7 ms. Set only on Node versions whose V8 is known to have the flag (an unknown one prints
 * an error). bin/mainline.cjs sets it too, with the same rule, before it compiles the
 * bundle: a V8 code cache is accepted only under the flags it was made with.
 */
function growYoungGenerationFaster(): void {
  const major = Number(process.versions.node.split('.')[0]);
  if (major >= 20 && major <= 24) setFlagsFromString('--semi-space-growth-factor=8');
}
