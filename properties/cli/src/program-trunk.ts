import { Argument, type Command, Option } from 'commander';
import type { Action } from './program.ts';

/**
 * `mainline trunk` and its subcommands (revert, mark, snooze) in the argument table; each
 * command's module is imported only when it runs.
 */
export function declareTrunk(
  program: Command,
  run: (action: Action) => void,
  remoteCache: () => Option,
): void {
  const trunk = program
    .command('trunk')
    .description('the trunk loop: test new trunk commits, find culprits, revert them when sure')
    .addArgument(new Argument('[action]', "'status': what the loop knows").choices(['status']))
    .option('--remote <name>', 'the remote to watch (default: trunk.remote, else origin)')
    .option('--branch <name>', 'the trunk branch (default: the trunk)')
    .option('--once', 'one pass, then exit: 0 when trunk is green or made green, 1 when red')
    .option(
      '--interval <seconds>',
      'seconds between passes (default: trunk.intervalSeconds, else 60)',
    )
    .option('--batch <n>', 'new commits one test run covers at most (default: 10)')
    .option('--dry-run', 'decide, but never push a revert: candidates only')
    .addOption(
      new Option(
        '--revert-via <how>',
        'push to the trunk, or a mainline/revert/<sha> branch',
      ).choices(['push', 'branch']),
    )
    .option('--on-decision <command>', 'run COMMAND (sh -c) with each decision as JSON on stdin')
    .option('-j, --jobs <n>', 'how many targets build at once (default: the cores)')
    .option('--no-typecheck', 'skip type-checking')
    .option('--json', 'print one JSON document')
    .addOption(remoteCache())
    .action((action: string | undefined, options) => {
      run(async (io) => (await import('./commands/trunk.ts')).trunkCommand(action, options, io));
    });
  trunk
    .command('revert')
    .description("revert a decision's culprit now, through the loop's gated flow (a person's call)")
    .argument('<decision>', 'the id of a decision with a culprit (a revert candidate)')
    .addOption(
      new Option(
        '--revert-via <how>',
        'push to the trunk, or a mainline/revert/<sha> branch',
      ).choices(['push', 'branch']),
    )
    .option('--no-typecheck', 'skip type-checking')
    .option('--json', 'print the decision as one JSON document')
    .action((decision: string, _options, command: Command) => {
      run(async (io) =>
        (await import('./commands/trunk-actions.ts')).trunkRevertCommand(
          decision,
          trunkFlags(command),
          io,
        ),
      );
    });
  trunk
    .command('mark')
    .description('mark a test flaky (never searched, never reverted for) or quarantine it')
    .argument('<target>', 'the target the test belongs to')
    .argument('<test>', "the test as the loop names it: 'file > suite > test'")
    .option('--flaky', 'known flaky: never searched for a culprit, decided flaky')
    .option('--quarantine', 'its failure no longer makes its target red on trunk')
    .option('--clear', 'remove the mark')
    .option('--json', 'print the mark as one JSON document')
    .action((target: string, test: string, _options, command: Command) => {
      run(async (io) =>
        (await import('./commands/trunk-actions.ts')).trunkMarkCommand(
          target,
          test,
          trunkFlags(command),
          io,
        ),
      );
    });
  trunk
    .command('snooze')
    .description('snooze a breakage (the dashboard sets it aside until then), or wake it')
    .argument('<breakage>', 'the id of a breakage')
    .addOption(
      new Option('--for <duration>', 'how long: 30m, 4h, 2d (default: 4h)').conflicts('clear'),
    )
    .option('--clear', 'wake it now')
    .option('--json', 'print the breakage as one JSON document')
    .action((breakage: string, _options, command: Command) => {
      run(async (io) =>
        (await import('./commands/trunk-actions.ts')).trunkSnoozeCommand(
          breakage,
          trunkFlags(command),
          io,
        ),
      );
    });
}

/**
 * A `trunk` subcommand's flags. commander gives `trunk` the flags it declares (--json,
 * --revert-via, --no-typecheck) wherever they stand, after the subcommand's name too.
 */
function trunkFlags<T>(command: Command): T {
  const own = command.opts();
  const parent = command.parent?.opts() ?? {};
  return {
    ...parent,
    ...own,
    typecheck: parent.typecheck !== false && own.typecheck !== false,
  } as T;
}
