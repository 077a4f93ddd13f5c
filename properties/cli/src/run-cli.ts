import { CommanderError } from 'commander';

import type { Io } from './io.ts';
import { reportError } from './output/report-error.ts';
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
  try {
    await program.parseAsync([...argv], { from: 'user' });
    if (!action) return 0;
    const dir = program.opts<{ C?: string }>().C;
    const commandIo = dir === undefined ? io : { ...io, cwd: resolvePath(io.cwd, dir) };
    return await action(commandIo);
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are successes; everything else commander rejects is usage.
      return error.exitCode === 0 ? 0 : 2;
    }
    reportError(io, error, debug);
    return 2;
  }

  function resolvePath(base: string, dir: string): string {
    return dir.startsWith('/') ? dir : `${base}/${dir}`;
  }
}
