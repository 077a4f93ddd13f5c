import { availableParallelism } from 'node:os';
import { MainlineError } from '@mainline/core';
import { trunkBranch } from '@mainline/change';
import { GitRepo } from '@mainline/git';
import { openStateStore, stateDir } from '@mainline/state';
import { revertSettingsOf, runTrunkLoop, trunkDefaults, trunkStatus } from '@mainline/trunk';
import { readSettings } from '@mainline/workspace';
import { executorFor } from '../executor.ts';
import type { Io } from '../io.ts';
import { styleFor } from '../output/style.ts';
import { renderTrunkStatus, trunkEventsTo } from '../output/trunk-lines.ts';
import { runRemoteCache } from '../remote-cache.ts';

export interface TrunkCommandOptions {
  readonly remote?: string;
  readonly branch?: string;
  readonly once?: boolean;
  readonly interval?: string;
  readonly batch?: string;
  readonly dryRun?: boolean;
  readonly revertVia?: 'push' | 'branch';
  readonly onDecision?: string;
  readonly json?: boolean;
  /** commander's `--no-typecheck`: false when given. */
  readonly typecheck?: boolean;
  readonly jobs?: string;
  /** `--remote-cache`: read, write, readwrite or off (see remote-cache.ts). */
  readonly remoteCache?: string;
}

/**
 * `mainline trunk`: the trunk loop (or, with `status`, what it knows). Flags over the
 * team's mainline.json over the defaults. `--once` exits 0 when trunk is green (or was made
 * green), 1 when it is left red.
 */
export async function trunkCommand(
  action: string | undefined,
  options: TrunkCommandOptions,
  io: Io,
): Promise<number> {
  const repo = await GitRepo.open(io.cwd, { env: io.env, readConfig: ['mainline.trunk'] });
  if (action === 'status') return statusCommand(repo, options, io);
  const settings = readSettings(repo.root);
  const style = styleFor(io);
  const controller = new AbortController();
  const stopListening = io.onInterrupt(() => controller.abort());
  const remoteCache = runRemoteCache(io, options.remoteCache, repo.root);
  try {
    const outcome = await runTrunkLoop({
      cwd: repo.root,
      env: io.env,
      remote: options.remote ?? settings.trunk?.remote ?? trunkDefaults.remote,
      branch: options.branch ?? (await trunkBranch(repo, io.env)),
      batch: whole('--batch', options.batch) ?? settings.trunk?.batch ?? trunkDefaults.batch,
      once: options.once === true,
      intervalSeconds:
        whole('--interval', options.interval) ??
        settings.trunk?.intervalSeconds ??
        trunkDefaults.intervalSeconds,
      revert: revertSettingsOf(settings, {
        ...(options.revertVia === undefined ? {} : { via: options.revertVia }),
        dryRun: options.dryRun === true,
      }),
      search: { ...settings.search },
      onDecision: options.onDecision ?? settings.trunk?.onDecision,
      typecheck: options.typecheck !== false,
      concurrency: whole('--jobs', options.jobs) ?? availableParallelism(),
      executor: executorFor(io.env),
      now: Date.now,
      emit: trunkEventsTo(io, style),
      signal: controller.signal,
      sharedCache: remoteCache.open,
    });
    if (outcome === undefined) return 0;
    if (options.json) io.stdout(`${JSON.stringify(outcome, null, 2)}\n`);
    else {
      io.stdout(
        outcome.red.length === 0
          ? `${style.green('green')}: trunk at ${outcome.tip.slice(0, 12)}\n`
          : `${style.red('red')}: trunk at ${outcome.tip.slice(0, 12)}: ${outcome.red.join(', ')}\n`,
      );
    }
    return options.once && outcome.red.length > 0 ? 1 : 0;
  } finally {
    await remoteCache.finish(undefined);
    stopListening();
  }
}

function statusCommand(repo: GitRepo, options: TrunkCommandOptions, io: Io): number {
  const store = openStateStore(stateDir(repo.root, io.env));
  try {
    const status = trunkStatus(store);
    io.stdout(
      options.json
        ? `${JSON.stringify(status, null, 2)}\n`
        : renderTrunkStatus(status, styleFor(io)),
    );
    return 0;
  } finally {
    store.close();
  }
}

function whole(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) {
    throw new MainlineError(
      'usage',
      `${flag} must be a whole number of at least 1, not '${value}'`,
      {
        hint: `e.g. ${flag} 10`,
      },
    );
  }
  return parsed;
}
