import { availableParallelism } from 'node:os';
import {
  type ErrorCode,
  formatDiagnostic,
  isMainlineError,
  MainlineError,
  type RunSummary,
} from '@mainline/core';
import { trunkBranch } from '@mainline/change';
import { GitRepo } from '@mainline/git';
import { formatSummary, progressReporter } from '@mainline/report';
import type { Io } from '../io.ts';
import { executorFor } from '../executor.ts';
import { styleFor } from '../output/style.ts';
import { checkRef, type RefOutcome } from '../prepush/check-ref.ts';
import { parsePushLines } from '../prepush/push-lines.ts';
import { runRemoteCache } from '../remote-cache.ts';

/**
 * `mainline prepush REMOTE URL`, run by the pre-push hook: builds and tests what each
 * pushed ref affects and exits 1 to block the push when something is red. It reads all
 * of stdin first, never prompts and never needs a terminal.
 */
export async function prepushCommand(
  remote: string | undefined,
  options: { readonly budget?: string; readonly remoteCache?: string },
  io: Io,
): Promise<number> {
  const refs = parsePushLines(await io.readStdin());
  const repo = await GitRepo.open(io.cwd, {
    env: io.env,
    readConfig: ['mainline.trunk', 'mainline.prepushBudget'],
  });
  const trunkName = await trunkBranch(repo, io.env);
  const remoteName = remote && !remote.includes('/') ? remote : 'origin';
  const [trunkTip] = await repo.resolveCommits([`refs/remotes/${remoteName}/${trunkName}`]);
  const controller = new AbortController();
  const stopListening = io.onInterrupt(() => controller.abort());
  const budget = budgetSeconds(options.budget ?? (await repo.configGet('mainline.prepushBudget')));
  let budgetSpent = false;
  const budgetTimer =
    budget === undefined
      ? undefined
      : setTimeout(() => {
          budgetSpent = true;
          controller.abort();
        }, budget * 1000);
  const { signal } = controller;
  const style = styleFor(io);
  const red: string[] = [];
  const remoteCache = runRemoteCache(io, options.remoteCache, repo.root);
  try {
    for (const ref of refs) {
      let outcome: RefOutcome;
      try {
        outcome = await checkRef(ref, {
          repo,
          env: io.env,
          executor: executorFor(io.env),
          trunkTip,
          trunkName,
          concurrency: availableParallelism(),
          signal,
          emit: progressReporter(io.stderr, style),
          nearestFirst: budget !== undefined,
          sharedCache: remoteCache.open,
        });
      } catch (error) {
        // What the pushed commit itself gets wrong (an invalid BUILD.json, an unknown
        // target) blocks that ref like a red test, with the same way out.
        if (!isMainlineError(error) || !blockingCodes.has(error.code)) throw error;
        io.stderr(`mainline prepush: ${ref.localRef}: ${error.message}\n`);
        for (const diagnostic of error.diagnostics)
          io.stderr(`  ${formatDiagnostic(diagnostic)}\n`);
        red.push(ref.localRef);
        continue;
      }
      // A deletion pushes no local ref (git says `(delete)`): name the remote one.
      const name = outcome.kind === 'deleted' ? ref.remoteRef : ref.localRef;
      io.stderr(`mainline prepush: ${describe(name, outcome)}\n`);
      if (outcome.kind === 'ran') io.stderr(formatSummary(outcome.summary, style));
      if (outcome.kind === 'ran' && outcome.summary.status === 'interrupted' && budgetSpent) {
        io.stderr(
          `mainline prepush: the ${budget}s budget ran out; not checked: ${unchecked(outcome.summary).join(', ')}\n`,
        );
      }
      if (isRed(outcome)) red.push(ref.localRef);
    }
  } finally {
    clearTimeout(budgetTimer);
    await remoteCache.finish(undefined);
    stopListening();
  }
  if (red.length === 0) return 0;
  io.stderr(
    `mainline prepush: push blocked, ${red.join(', ')} ${red.length === 1 ? 'is' : 'are'} red (see above).\n  bypass on purpose: git push --no-verify\n`,
  );
  return 1;
}

/** Errors that come from the pushed commit's content, not from mainline or the machine. */
const blockingCodes: ReadonlySet<ErrorCode> = new Set([
  'buildFileInvalid',
  'buildFileMissing',
  'unknownTarget',
  'packageJsonInvalid',
]);

function describe(localRef: string, outcome: RefOutcome): string {
  switch (outcome.kind) {
    case 'deleted':
      return `${localRef}: deleted, nothing to test`;
    case 'nothing-affected':
      return `${outcome.tested}: no target affected`;
    case 'cached': {
      const count = outcome.targets.length;
      return `${outcome.tested}: ${count} affected target${count === 1 ? '' : 's'} already green (cached)`;
    }
    case 'conflict':
      return `${outcome.tested}: does not merge cleanly onto the remote trunk: ${outcome.paths.join(', ')}`;
    case 'ran':
      return `${outcome.tested}: ${outcome.summary.status}`;
  }
}

/** Red blocks the push; what a budget cut short is reported, not blocked on. */
function isRed(outcome: RefOutcome): boolean {
  if (outcome.kind === 'conflict') return true;
  if (outcome.kind !== 'ran') return false;
  const { summary } = outcome;
  return [...summary.builds, ...summary.tests].some((result) => result.status === 'failed');
}

function unchecked(summary: RunSummary): string[] {
  const names = new Set<string>();
  for (const result of [...summary.builds, ...summary.tests]) {
    if (result.status === 'not-run') names.add(result.target);
  }
  return [...names];
}

function budgetSeconds(value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0) {
    throw new MainlineError(
      'usage',
      `the pre-push budget must be a number of seconds above 0, not '${value}'`,
      {
        hint: 'use --budget 120, or git config mainline.prepushBudget 120',
      },
    );
  }
  return seconds;
}
