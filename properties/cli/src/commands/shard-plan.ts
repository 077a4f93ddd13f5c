import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { MainlineError } from '@mainline/core';
import { loadCurrentWorkspace } from '@mainline/change';
import { planShards, type ShardPlan, selectionOf, selectTargets } from '@mainline/engine';
import { GitRepo } from '@mainline/git';
import { openStateStore, stateDir } from '@mainline/state';
import { type RecentDurations, storeFileName } from '@mainline/store';
import type { Io } from '../io.ts';
import { readCheckedJson } from './read-checked-json.ts';

/** What a plan splits: every target, or (`--affected`, `--base`) the affected ones. */
export interface ShardSelection {
  readonly affected?: boolean;
  readonly base?: string;
}

/**
 * The plan of the working tree's BUILD.json and selection. With `history`, durations come
 * from the state folder's store when there is one (the plan job); without, counts only,
 * which every runner computes alike.
 */
export async function currentShardPlan(
  io: Io,
  selection: ShardSelection,
  shards: number,
  history: boolean,
): Promise<ShardPlan> {
  const { workspace } = await loadCurrentWorkspace(io.cwd);
  const affected = selection.affected === true || selection.base !== undefined;
  const selected = await selectionOf({
    cwd: io.cwd,
    env: io.env,
    selection: {
      names: [],
      ...(affected ? { affected: true } : { all: true }),
      ...(selection.base === undefined ? {} : { base: selection.base }),
    },
  });
  const { asked } = selectTargets(workspace, selected);
  return planShards({
    workspace,
    asked,
    shards,
    ...(history ? { history: await recordedDurations(io) } : {}),
  });
}

/** The store's recent durations; none when this checkout never ran mainline (no store made). */
async function recordedDurations(io: Io): Promise<RecentDurations> {
  const repo = await GitRepo.open(io.cwd, { env: io.env });
  const state = stateDir(repo.root, io.env);
  if (!existsSync(join(state, storeFileName))) return new Map();
  const store = openStateStore(state);
  try {
    return store.recentDurations();
  } finally {
    store.close();
  }
}

/** `--shard I/N` as numbers: 1 <= I <= N. */
export function parseShard(text: string): { readonly index: number; readonly count: number } {
  const match = /^(\d+)\/(\d+)$/.exec(text);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || index < 1 || count < 1 || index > count) {
    throw new MainlineError('usage', `--shard must be I/N with 1 <= I <= N, not '${text}'`, {
      hint: 'e.g. --shard 2/4 runs the second of four shards',
    });
  }
  return { index, count };
}

/** A plan `mainline plan --format json` wrote, checked enough to run a shard of it. */
export function readShardPlan(cwd: string, path: string): ShardPlan {
  const file = resolve(cwd, path);
  const invalid = (why: string): MainlineError =>
    new MainlineError('planInvalid', `cannot read the shard plan ${file}: ${why}`, {
      hint: 'pass --plan the file `mainline plan --shards N --format json` wrote',
    });
  return readCheckedJson(file, isShardPlan, invalid, 'a version 1 shard plan');
}

function isShardPlan(value: unknown): value is ShardPlan {
  if (typeof value !== 'object' || value === null) return false;
  const plan = value as Partial<Record<keyof ShardPlan, unknown>>;
  return (
    plan.version === 1 &&
    typeof plan.plan === 'string' &&
    Array.isArray(plan.shards) &&
    plan.shards.every(
      (shard: unknown, i: number) =>
        typeof shard === 'object' &&
        shard !== null &&
        (shard as { index?: unknown }).index === i + 1 &&
        Array.isArray((shard as { targets?: unknown }).targets) &&
        (shard as { targets: unknown[] }).targets.every((name) => typeof name === 'string'),
    )
  );
}

export interface ShardRequest extends ShardSelection {
  /** `--shard I/N`. */
  readonly shard: string;
  /** `--plan FILE`: the plan job's; without, the plan by counts, alike on every runner. */
  readonly plan?: string;
  readonly all?: boolean;
  readonly names: readonly string[];
}

export interface ShardToRun {
  readonly index: number;
  readonly count: number;
  readonly plan: string;
  readonly targets: readonly string[];
}

/** The targets of shard I of N: of the plan file given, or of the plan by counts. */
export async function shardToRun(io: Io, request: ShardRequest): Promise<ShardToRun> {
  const { index, count } = parseShard(request.shard);
  if (request.names.length > 0) {
    throw new MainlineError('usage', '--shard cannot be used with target names', {
      hint: 'the plan chooses the targets of each shard: drop the names',
    });
  }
  let plan: ShardPlan;
  if (request.plan === undefined) {
    plan = await currentShardPlan(io, request, count, false);
  } else {
    if (request.affected || request.base !== undefined || request.all) {
      throw new MainlineError('usage', '--plan cannot be used with --affected, --base or --all', {
        hint: 'the plan file names the targets of each shard: drop the selection flags',
      });
    }
    plan = readShardPlan(io.cwd, request.plan);
    if (plan.shards.length !== count) {
      throw new MainlineError(
        'planInvalid',
        `the shard plan ${resolve(io.cwd, request.plan)} has ${plan.shards.length} shards, not ${count}`,
        {
          hint: `run --shard I/${plan.shards.length}, or make the plan with --shards ${count}`,
        },
      );
    }
  }
  return { index, count, plan: plan.plan, targets: plan.shards[index - 1]?.targets ?? [] };
}
