import { trunkBranch } from '@mainline/change';
import { MainlineError } from '@mainline/core';
import { personWaivedRules, type Verdict } from '@mainline/culprit';
import type { Executor } from '@mainline/engine';
import { GitRepo } from '@mainline/git';
import { openStateStore, stateDir } from '@mainline/state';
import type { Breakage, Decision, TrunkRecords } from '@mainline/store';
import { readSettings } from '@mainline/workspace';
import { openLoopClone } from './loop-clone.ts';
import { decide } from './revert-decision.ts';
import { revertSettingsOf } from './revert-settings.ts';
import type { TrunkEvent } from './trunk-events.ts';
import { takeTrunkLock } from './trunk-lock.ts';
import { trunkDefaults, type TrunkOptions } from './trunk-options.ts';

/** A person asking for a revert of a decision's culprit (`mainline trunk revert DECISION`). */
export interface RevertRequest {
  /** A work tree of the repository (the person's checkout; never written to). */
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  /** A decision with a culprit (a candidate, usually). */
  readonly decisionId: number;
  /** As runTrunkLoop takes it. */
  readonly executor: Executor;
  readonly now: () => number;
  /** Default: the settings' trunk.revertVia, else push. */
  readonly via?: 'push' | 'branch';
  readonly typecheck?: boolean;
  readonly signal?: AbortSignal;
  readonly emit?: (event: TrunkEvent) => void;
}

/**
 * Reverts a decision's culprit through the trunk loop's own gated flow (revert-decision.ts's
 * `decide`), for a person: the rules they judge are waived (confidence, confirmation,
 * opt-out, age, daily limit, dry run), every other rule and every safety step is kept. It
 * takes the trunk lock (a running loop refuses it, `trunkBusy`), works in the loop's clone
 * only, fetches, checks the target still red at the tip (else `fixed`) and not reverted yet,
 * applies, builds and tests the revert there, and pushes it fast-forward only, retrying a
 * bounded number of times when trunk moved. Records and returns the new decision.
 */
export async function revertCandidate(request: RevertRequest): Promise<Decision> {
  const repo = await GitRepo.open(request.cwd, {
    env: request.env,
    readConfig: ['mainline.trunk'],
  });
  const state = stateDir(repo.root, request.env);
  const store = openStateStore(state);
  try {
    const { decision, culprit, breakage } = revertible(store.trunk, request.decisionId);
    const release = takeTrunkLock(state);
    try {
      const settings = readSettings(repo.root);
      const given: TrunkOptions = {
        cwd: repo.root,
        env: request.env,
        remote: settings.trunk?.remote ?? trunkDefaults.remote,
        branch: await trunkBranch(repo, request.env),
        batch: trunkDefaults.batch,
        revert: {
          ...revertSettingsOf(settings, request.via === undefined ? {} : { via: request.via }),
          waived: personWaivedRules,
        },
        search: { ...settings.search },
        onDecision: settings.trunk?.onDecision,
        typecheck: request.typecheck ?? true,
        concurrency: undefined,
        executor: request.executor,
        now: request.now,
        emit: request.emit ?? (() => undefined),
        signal: request.signal ?? new AbortController().signal,
      };
      const loop = await openLoopClone(state, store.trunk, given);
      const verdict: Verdict = {
        kind: 'culprit',
        at: 0,
        tests: decision.tests,
        confidence: decision.confidence ?? 0,
        confirmed: decision.rule !== 'not-confirmed',
      };
      const context = {
        records: store.trunk,
        clone: loop.clone,
        repo: loop.repo,
        options: loop.options,
        runAt: loop.run.rerun,
        byPerson: true,
      };
      return await decide(context, breakage, verdict, culprit);
    } finally {
      release();
    }
  } finally {
    store.close();
  }
}

/** The decision asked for, its culprit and breakage; bad input (exit 2) otherwise. */
function revertible(
  records: TrunkRecords,
  id: number,
): { readonly decision: Decision; readonly culprit: string; readonly breakage: Breakage } {
  const hint = 'mainline trunk status lists the decisions: a revert candidate names a culprit';
  const decision = records.decision(id);
  if (decision === undefined) {
    throw new MainlineError('unknownDecision', `the trunk loop made no decision #${id}`, {
      hint,
    });
  }
  const breakage =
    decision.breakageId === undefined ? undefined : records.breakage(decision.breakageId);
  if (decision.culprit === undefined || breakage === undefined) {
    throw new MainlineError(
      'noCulprit',
      `decision #${id} (${decision.kind}, ${decision.target}) names no culprit to revert`,
      { hint },
    );
  }
  return { decision, culprit: decision.culprit, breakage };
}
