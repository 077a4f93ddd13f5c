import { Command, Option } from 'commander';
import { targetKinds } from '@mainline/core';
import type { Io } from './io.ts';
import { version } from './version.ts';

type Action = (io: Io) => Promise<number>;

/**
 * The argument table. Each command's module is imported only when it runs, so the
 * bundle's start-up cost is this file and commander, whatever the command.
 */
export function buildProgram(io: Io, run: (action: Action) => void): Command {
  const program = new Command('mainline')
    .description('Google-style build and trunk CI for TypeScript monorepos')
    .version(version, '-V, --version')
    .option('-C <dir>', 'run as if started in DIR (like git -C)')
    .option('--debug', 'print stack traces of internal errors')
    .showHelpAfterError('(run mainline --help for usage)')
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .exitOverride();

  const withRange = (command: Command): Command =>
    command
      .option('--base <ref>', 'compare from the merge-base with REF (default: the trunk branch)')
      .option('--head <ref>', 'compare to REF (default: HEAD)')
      .option('--uncommitted', 'compare the working tree: staged, unstaged and untracked files');

  withRange(program.command('affected').description('list the targets a change affects, and why'))
    .option('--json', 'print one JSON document')
    .addOption(new Option('--kind <kind>', 'only targets of this kind').choices(targetKinds))
    .action((options) => {
      run(async (io) => (await import('./commands/affected.ts')).affectedCommand(options, io));
    });

  withRange(
    program.command('why').argument('<target>').description('explain why TARGET is (not) affected'),
  )
    .option('--json', 'print one JSON document')
    .action((target: string, options) => {
      run(async (io) => (await import('./commands/why.ts')).whyCommand(target, options, io));
    });

  program
    .command('graph')
    .description('print the target graph (build layers by default)')
    .addOption(new Option('--json', 'as JSON').conflicts('dot'))
    .option('--dot', 'as Graphviz dot')
    .action((options) => {
      run(async (io) => (await import('./commands/graph.ts')).graphCommand(options, io));
    });

  return program;
}
