import { Argument, Command, Option } from 'commander';
import { targetKinds } from '@mainline/core';
import type { Io } from './io.ts';
import { declareTrunk } from './program-trunk.ts';
import { version } from '@mainline/core';

export type Action = (io: Io) => Promise<number>;

/**
 * The argument table. Each command's module is imported only when it runs, so the
 * bundle's start-up cost is this file and commander, whatever the command; and when argv
 * names a command, only that one is declared (help and errors about it read the same).
 */
export function buildProgram(
  io: Io,
  run: (action: Action) => void,
  argv: readonly string[],
): Command {
  const program = new Command('mainline')
    .description('Google-style build and trunk CI for TypeScript monorepos')
    .version(version, '-V, --version')
    .option('-C <dir>', 'run as if started in DIR (like git -C)')
    .option('--debug', 'print stack traces of internal errors')
    .configureOutput({
      writeOut: io.stdout,
      writeErr: io.stderr,
      // Usage errors look like every other error: `mainline: what`, then a hint.
      outputError: (message, write) => write(usageError(message)),
    })
    .exitOverride();
  const named = argv[0] !== undefined && commandNames.has(argv[0]) ? argv[0] : undefined;
  const wanted = (name: string): boolean => named === undefined || named === name;

  const withRange = (command: Command): Command =>
    command
      .option('--base <ref>', 'compare from the merge-base with REF (default: the trunk branch)')
      .option('--head <ref>', 'compare to REF (default: HEAD)')
      .option('--uncommitted', 'compare the working tree: staged, unstaged and untracked files');

  if (wanted('affected'))
    withRange(program.command('affected').description('list the targets a change affects, and why'))
      .option('--json', 'print one JSON document')
      .addOption(new Option('--kind <kind>', 'only targets of this kind').choices(targetKinds))
      .action((options) => {
        run(async (io) => (await import('./commands/affected.ts')).affectedCommand(options, io));
      });

  if (wanted('why'))
    withRange(
      program
        .command('why')
        .argument('<target>')
        .description('explain why TARGET is (not) affected'),
    )
      .option('--json', 'print one JSON document')
      .action((target: string, options) => {
        run(async (io) => (await import('./commands/why.ts')).whyCommand(target, options, io));
      });

  // The remote cache's mode (see the README's Remote cache): laptops read, CI writes too.
  const remoteCache = (): Option =>
    new Option(
      '--remote-cache <mode>',
      'use the remote cache: read, write, readwrite or off (default: MAINLINE_REMOTE_CACHE_MODE, else readwrite when a URL is set)',
    ).choices(['read', 'write', 'readwrite', 'off']);

  const withRun = (command: Command): Command =>
    command
      .argument('[targets...]', 'targets to run (default: the affected ones)')
      .option(
        '--affected',
        'the targets affected by the working tree since the merge-base with --base (default)',
      )
      .option('--all', 'every target')
      .option(
        '--base <ref>',
        'with --affected: compare from the merge-base with REF (default: the trunk branch)',
      )
      .option('-j, --jobs <n>', 'how many targets build at once (default: the cores)')
      .option('--fail-fast', 'start nothing new after the first failure')
      .option('--no-typecheck', 'skip type-checking')
      .option('--json', 'print the run as one JSON document')
      .addOption(remoteCache());

  if (wanted('build'))
    withRun(
      program
        .command('build')
        .description('build targets, deps first, from the cache when unchanged'),
    ).action((targets: string[], options) => {
      run(async (io) =>
        (await import('./commands/run-targets.ts')).runTargetsCommand(
          'build',
          targets,
          options,
          argvOf(),
          io,
        ),
      );
    });

  if (wanted('test'))
    withRun(
      program.command('test').description('build, then run the vitest files of targets in one run'),
    )
      .option('--retries <n>', 'rerun a failed test up to N times; one that then passes is flaky')
      .option('--strict-flakes', 'a flaky test fails its target')
      .option(
        '--test-timeout <ms>',
        "fail a test still running after MS (default: each target's timeouts.test, else 5000)",
      )
      .option(
        '--file-timeout <ms>',
        "kill a test file still running after MS (default: each target's timeouts.file, else 120000)",
      )
      .option('--test-memory <mb>', "heap limit of each test worker (default: Node's)")
      .option('--junit <file>', 'also write JUnit XML to FILE')
      .option(
        '--shard <i/n>',
        'run shard I of N of the plan (default selection: every target; --affected, --base: the affected ones)',
      )
      .option('--plan <file>', "with --shard: the plan job's `mainline plan --format json`")
      .option('--results <dir>', 'also write the results to DIR for `mainline results merge`')
      .action((targets: string[], options) => {
        run(async (io) =>
          (await import('./commands/run-targets.ts')).runTargetsCommand(
            'test',
            targets,
            options,
            argvOf(),
            io,
          ),
        );
      });

  if (wanted('hook'))
    program
      .command('hook')
      .description('install or remove the git pre-push hook that runs `mainline prepush`')
      .addArgument(
        new Argument(
          '<action>',
          "install: put the hook where git runs hooks (or print the line for a hook manager); uninstall: remove mainline's hook",
        ).choices(['install', 'uninstall']),
      )
      .action((action: 'install' | 'uninstall') => {
        run(async (io) => (await import('./commands/hook.ts')).hookCommand(action, io));
      });

  if (wanted('prepush'))
    program
      .command('prepush')
      .description('what the pre-push hook runs: test what the pushed refs affect (refs on stdin)')
      .argument('[remote]', 'the remote pushed to (git passes it)')
      .argument('[url]', 'its URL (git passes it)')
      .option(
        '--budget <seconds>',
        'stop after this long and say what was not checked (default: git config mainline.prepushBudget, else none)',
      )
      .addOption(remoteCache())
      .action(
        (
          remote: string | undefined,
          _url: string | undefined,
          options: { budget?: string; remoteCache?: string },
        ) => {
          run(async (io) =>
            (await import('./commands/prepush.ts')).prepushCommand(remote, options, io),
          );
        },
      );

  if (wanted('watch'))
    program
      .command('watch')
      .description('test now, then rebuild and retest what each batch of saves affects')
      .argument('[targets...]', 'targets to watch (default: all)')
      .action((targets: string[]) => {
        run(async (io) => (await import('./commands/watch.ts')).watchCommand(targets, io));
      });

  if (wanted('trunk')) declareTrunk(program, run, remoteCache);

  if (wanted('nightly'))
    program
      .command('nightly')
      .description(
        'build and test every target afresh: flakes, cache honesty, comparison with the last nightly, an audit of the graph, reports',
      )
      .option('--report <dir>', 'write the reports to DIR (default: .mainline/nightly/<run id>)')
      .option(
        '--retries <n>',
        'rerun a failed test up to N times; one that then passes is flaky (default: 2)',
      )
      .option(
        '--trunk',
        "run at the remote trunk tip in mainline's own clone, not in this checkout",
      )
      .option('--json', 'print the report (nightly.json) as one JSON document')
      .addOption(remoteCache())
      .action((options) => {
        run(async (io) =>
          (await import('./commands/nightly.ts')).nightlyCommand(options, argvOf(), io),
        );
      });

  if (wanted('plan'))
    program
      .command('plan')
      .description(
        'split the targets into N shards balanced by recorded durations, for a CI matrix',
      )
      .option('--shards <n>', 'how many shards')
      .option('--affected', 'only the targets affected since the merge-base with --base')
      .option('--base <ref>', 'with --affected: compare from the merge-base with REF')
      .addOption(
        new Option(
          '--format <format>',
          'json (the plan), github (matrix and plan outputs) or buildkite (a pipeline)',
        )
          .choices(['json', 'github', 'buildkite'])
          .default('json'),
      )
      .action((options) => {
        run(async (io) => (await import('./commands/plan.ts')).planCommand(options, io));
      });

  if (wanted('results'))
    program
      .command('results')
      .description('the results of CI shards')
      .addArgument(new Argument('<action>', "merge: merge the shards' results").choices(['merge']))
      .argument('<dirs...>', 'the folders `mainline test --results DIR` wrote')
      .option('--junit <file>', 'write the merged JUnit XML to FILE')
      .option('--json', 'print the merged run as one JSON document')
      .action((_action: 'merge', dirs: string[], options) => {
        run(async (io) =>
          (await import('./commands/results-merge.ts')).resultsMergeCommand(
            dirs,
            options,
            argvOf(),
            io,
          ),
        );
      });

  if (wanted('graph'))
    program
      .command('graph')
      .description('print the target graph (build layers by default)')
      .addOption(new Option('--json', 'as JSON').conflicts('dot'))
      .option('--dot', 'as Graphviz dot')
      .action((options) => {
        run(async (io) => (await import('./commands/graph.ts')).graphCommand(options, io));
      });

  if (wanted('init'))
    program
      .command('init')
      .description('write BUILD.json from the npm, yarn or pnpm workspaces the repository declares')
      .addOption(
        new Option(
          '--check',
          'compare BUILD.json with the workspaces: exit 1 when it falls behind',
        ).conflicts('force'),
      )
      .option('--force', 'overwrite an existing BUILD.json')
      .option('--json', 'print one JSON document')
      .action((options) => {
        run(async (io) => (await import('./commands/init.ts')).initCommand(options, io));
      });

  if (wanted('tui'))
    program
      .command('tui')
      .description(
        "the sheriff's screen: trunk, breakages, revert candidates, flaky tests, recent runs, live",
      )
      .option('--once', 'print one plain-text snapshot and exit (what it does without a terminal)')
      .action((options: { once?: boolean }) => {
        run(async (io) => (await import('./commands/tui.ts')).tuiCommand(options, io));
      });

  if (wanted('demo'))
    program
      .command('demo')
      .description(
        'the whole story, local and trunk, on a sandbox monorepo generated in DIR (default: a temp folder)',
      )
      .argument('[dir]', 'a new or empty folder for the sandbox, kept at the end')
      .option('--no-tui', 'end with a summary rather than the dashboard')
      .option('--keep', 'keep the sandbox (a temporary one is removed at the end)')
      .action((dir: string | undefined, options) => {
        run(async (io) => (await import('./commands/demo.ts')).demoCommand(dir, options, io));
      });

  return program;
}

const commandNames: ReadonlySet<string> = new Set([
  'tui',
  'demo',
  'init',
  'affected',
  'why',
  'build',
  'test',
  'hook',
  'prepush',
  'watch',
  'trunk',
  'nightly',
  'graph',
  'plan',
  'results',
]);

function argvOf(): string[] {
  return process.argv.slice(2);
}

/**
 * commander's `error: unknown option '--x'` (and its `(Did you mean --y?)` line) as
 * `mainline: unknown option '--x'` and one hint line.
 */
function usageError(message: string): string {
  const [first = '', ...rest] = message.trim().split('\n');
  const suggestion = /^\(Did you mean (.+)\?\)$/.exec(rest.join(' ').trim())?.[1];
  const hint = suggestion === undefined ? 'run' : `did you mean '${suggestion}'? Run`;
  return `mainline: ${first.replace(/^error: /, '')}\n  hint: ${hint} mainline --help (or mainline COMMAND --help) for usage\n`;
}
