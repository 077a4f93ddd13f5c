import { loadCurrentWorkspace } from '@mainline/change';
import { MainlineError, unknownTarget } from '@mainline/core';
import { GitRepo } from '@mainline/git';
import { openStateStore, stateDir } from '@mainline/state';
import type { Store, TestMark } from '@mainline/store';
import { revertCandidate } from '@mainline/trunk';
import { executorFor } from '../executor.ts';
import type { Io } from '../io.ts';
import { styleFor } from '../output/style.ts';
import { trunkEventsTo } from '../output/trunk-lines.ts';

// A person's actions on what the trunk loop found (the dashboard's keys r, f, s).

export interface TrunkRevertOptions {
  readonly revertVia?: 'push' | 'branch';
  readonly json?: boolean;
  readonly typecheck?: boolean;
}

/**
 * `mainline trunk revert DECISION`: the decision's culprit reverted through the loop's gated
 * flow, the rules a person judges waived. 0 reverted, 1 not (the rule that stopped it).
 */
export async function trunkRevertCommand(
  decision: string,
  options: TrunkRevertOptions,
  io: Io,
): Promise<number> {
  const decisionId = idOf('DECISION', decision, 'mainline trunk revert 12');
  const style = styleFor(io);
  const controller = new AbortController();
  const stopListening = io.onInterrupt(() => controller.abort());
  try {
    const outcome = await revertCandidate({
      cwd: io.cwd,
      env: io.env,
      decisionId,
      executor: executorFor(io.env),
      now: Date.now,
      ...(options.revertVia === undefined ? {} : { via: options.revertVia }),
      typecheck: options.typecheck !== false,
      signal: controller.signal,
      emit: trunkEventsTo(io, style),
    });
    const culprit = outcome.culprit?.slice(0, 12) ?? '?';
    if (options.json) io.stdout(`${JSON.stringify(outcome, null, 2)}\n`);
    else if (outcome.kind === 'reverted') {
      io.stdout(
        `${style.green('reverted')} ${culprit}: ${outcome.revertSha?.slice(0, 12)} pushed to ${outcome.revertRef} (decision #${outcome.id})\n`,
      );
    } else {
      const why = outcome.rule ?? outcome.kind;
      io.stdout(
        `${style.yellow('not reverted')} ${culprit}: ${why}: ${outcome.detail} (decision #${outcome.id})\n`,
      );
    }
    return outcome.kind === 'reverted' ? 0 : 1;
  } finally {
    stopListening();
  }
}

export interface TrunkMarkOptions {
  readonly flaky?: boolean;
  readonly quarantine?: boolean;
  readonly clear?: boolean;
  readonly json?: boolean;
}

/** `mainline trunk mark TARGET TEST (--flaky | --quarantine | --clear)`. */
export async function trunkMarkCommand(
  target: string,
  test: string,
  options: TrunkMarkOptions,
  io: Io,
): Promise<number> {
  const chosen = [options.flaky, options.quarantine, options.clear].filter(Boolean).length;
  if (chosen !== 1) {
    throw new MainlineError('usage', 'say one of --flaky, --quarantine or --clear', {
      hint: "e.g. mainline trunk mark libs/a 'test/a.test.ts > sums' --quarantine",
    });
  }
  const { workspace } = await loadCurrentWorkspace(io.cwd);
  if (!workspace.targets.has(target)) throw unknownTarget(target, workspace.targets.keys());
  const mark: TestMark | undefined = options.flaky
    ? 'flaky'
    : options.quarantine
      ? 'quarantined'
      : undefined;
  return withStore(io, (store) => {
    store.trunk.markTest(target, test, mark);
    const saved = store.trunk.testMarks().find((m) => m.target === target && m.test === test);
    if (options.json) io.stdout(`${JSON.stringify(saved ?? { target, test, mark: null })}\n`);
    else io.stdout(`${target}: ${test}: ${mark ?? 'no mark'}\n`);
    return 0;
  });
}

export interface TrunkSnoozeOptions {
  readonly for?: string;
  readonly clear?: boolean;
  readonly json?: boolean;
}

/** `mainline trunk snooze BREAKAGE [--for DURATION] | --clear` (default 4h). */
export async function trunkSnoozeCommand(
  breakage: string,
  options: TrunkSnoozeOptions,
  io: Io,
): Promise<number> {
  const id = idOf('BREAKAGE', breakage, 'mainline trunk snooze 3 --for 2h');
  const until = options.clear ? undefined : Date.now() + durationMs(options.for ?? '4h');
  return withStore(io, (store) => {
    const found = store.trunk.breakage(id);
    if (found === undefined) {
      throw new MainlineError('unknownBreakage', `the trunk loop opened no breakage #${id}`, {
        hint: 'mainline trunk status lists the open breakages with their ids',
      });
    }
    store.trunk.snoozeBreakage(id, until);
    const when = until === undefined ? 'awake' : `snoozed until ${new Date(until).toISOString()}`;
    if (options.json) {
      io.stdout(`${JSON.stringify(store.trunk.breakage(id), null, 2)}\n`);
    } else io.stdout(`breakage #${id} (${found.target}): ${when}\n`);
    return 0;
  });
}

async function withStore(io: Io, use: (store: Store) => number): Promise<number> {
  const repo = await GitRepo.open(io.cwd, { env: io.env });
  const store = openStateStore(stateDir(repo.root, io.env));
  try {
    return use(store);
  } finally {
    store.close();
  }
}

function idOf(name: string, value: string, example: string): number {
  const id = Number(value);
  if (/^[1-9][0-9]*$/.test(value) && Number.isSafeInteger(id)) return id;
  throw new MainlineError('usage', `${name} must be a number (its id), not '${value}'`, {
    hint: `mainline trunk status lists the ids; e.g. ${example}`,
  });
}

const units: Readonly<Record<string, number>> = { m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `30m`, `4h`, `2d` in ms. */
export function durationMs(text: string): number {
  const match = /^([1-9][0-9]*)([mhd])$/.exec(text);
  const unit = match?.[2] === undefined ? undefined : units[match[2]];
  if (match === undefined || match === null || unit === undefined) {
    throw new MainlineError('usage', `--for must be a duration like 30m, 4h or 2d, not '${text}'`, {
      hint: 'minutes (m), hours (h) or days (d): mainline trunk snooze 3 --for 2h',
    });
  }
  return Number(match[1]) * unit;
}
