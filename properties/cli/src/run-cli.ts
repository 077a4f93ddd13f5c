import { reportRepairsTo } from '@mainline/core';
import { CommanderError } from 'commander';
import type { Io } from './io.ts';
import { errorDocument, reportError } from './output/report-error.ts';
import { buildProgram } from './program.ts';

/**
 * The one place that turns outcomes into exit codes: 0 success, 1 the tool found red,
 * 2 it could not do its job (usage, bad input, git trouble, internal errors).
 */
export async function runCli(argv: readonly string[], io: Io): Promise<number> {
  let action: ((io: Io) => Promise<number>) | undefined;
  const program = buildProgram(
    io,
    (chosen) => {
      action = chosen;
    },
    argv,
  );
  const debug = argv.includes('--debug');
  // `--json` prints exactly one JSON document, a failure's too (the message still goes to stderr).
  const json = argv.includes('--json');
  // Damaged state that heals on the way (moved aside, made anew) is said once, on stderr.
  const stopRepairWarnings = reportRepairsTo(io.stderr);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    if (!action) return 0;
    const dir = program.opts<{ C?: string }>().C;
    const commandIo = dir === undefined ? io : { ...io, cwd: resolvePath(io.cwd, dir) };
    return await action(commandIo);
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are successes; everything else commander rejects is usage.
      if (error.exitCode === 0) return 0;
      if (json)
        printJson({ error: { code: 'usage', message: error.message.replace(/^error: /, '') } });
      return 2;
    }
    reportError(io, error, debug);
    if (json) printJson(errorDocument(error));
    return 2;
  } finally {
    stopRepairWarnings();
  }

  function printJson(document: object): void {
    io.stdout(`${JSON.stringify(document, null, 2)}\n`);
  }

  function resolvePath(base: string, dir: string): string {
    return dir.startsWith('/') ? dir : `${base}/${dir}`;
  }
}
