import { mkdtempSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { removeInside } from '@mainline/core';
import { GitAnswers, startupCommands } from '@mainline/git';
import { compileWorkspace, parseBuildFile } from '@mainline/workspace';
import { type Io, silentIo } from './io.ts';
import { rehearseLockfiles } from './rehearsal-lockfiles.ts';
import { runCli } from './run-cli.ts';
import { CompiledBuildFiles } from '@mainline/change';
import { indexWorkspace } from '@mainline/change';

const base = '1'.repeat(40);
const head = '2'.repeat(40);
const buildFileId = '3'.repeat(40);
const buildFile = JSON.stringify({
  version: 1,
  targets: {
    'libs/a': { kind: 'lib', srcs: ['libs/a/src/**'], tests: ['libs/a/test/**'] },
    'libs/b': { kind: 'lib', srcs: ['libs/b/**'], deps: ['libs/a'] },
    'properties/p': { kind: 'property', srcs: ['properties/p/**'], deps: ['libs/b'] },
  },
});

/**
 * Runs `affected` (JSON and table) and `why` once, on a made-up repository, and a lockfile
 * diff of each format (rehearsal-lockfiles.ts), while the
 * startup snapshot is built. V8 keeps the bytecode of every function that has run in
 * the snapshot, so a real run starts with the hot path compiled instead of compiling it
 * function by function. Nothing here reaches git, the terminal or the real environment:
 * git's answers are given (as bin/mainline gives them), BUILD.json is compiled into a
 * temporary MAINLINE_HOME beside the bundle, and the output goes nowhere. Throws if a command fails, which
 * fails the snapshot build (the launcher then serves every command).
 */
export async function rehearse(): Promise<void> {
  // Beside the bundle, where the snapshot is being written: TMPDIR may be missing or relative.
  const root = mkdtempSync(join(dirname(fileURLToPath(import.meta.url)), '.rehearsal-'));
  try {
    const indexed = indexWorkspace(parseBuildFile(buildFile, 'BUILD.json'));
    new CompiledBuildFiles(root).remember(buildFileId, compileWorkspace(indexed.workspace));
    const range = ['--base', base, '--head', head];
    for (const argv of [
      ['affected', ...range, '--json'],
      ['affected', ...range],
      ['why', 'properties/p', ...range],
    ]) {
      const code = await runCli(argv, quietIo(root));
      if (code !== 0) throw new Error(`rehearsal: mainline ${argv.join(' ')} exited ${code}`);
    }
    rehearseLockfiles();
  } finally {
    removeInside(dirname(root), root);
  }
}

function quietIo(root: string): Io {
  return {
    // NO_COLOR: never ask ci-info (see ci.ts)
    ...silentIo(root, { MAINLINE_HOME: root, NO_COLOR: '1' }),
    gitAnswers: GitAnswers.parse(Buffer.from(transcript(root)), root),
  };
}

/** What bin/mainline's ask_git would write for this made-up repository. */
function transcript(root: string): string {
  const probe = startupCommands.open({ base, head, paths: ['BUILD.json'] });
  const probed = `${[root, '.git/index', head, base, `^${base}`, buildFileId].join('\n')}\n`;
  const diff = startupCommands.diff(base, head);
  return (
    `answer\n${probe.length}\n${probe.join('\n')}\n0\n${probed}\0` +
    `stream\n${diff.length}\n${diff.join('\n')}\nM\0libs/a/src/x.ts\0\n0`
  );
}
