import { spawn } from 'node:child_process';
import {
  decideRevert,
  hasTrueTrailer,
  isRevertMessage,
  type RevertDecision,
  type RevertFacts,
  revertBranch,
  revertMessage,
  revertsCommit,
  type Verdict,
} from '@mainline/culprit';
import type { GitRepo, OwnClone } from '@mainline/git';
import type { Breakage, Decision, NewDecision, TrunkRecords } from '@mainline/store';
import { resultsFor } from './culprit-search.ts';
import type { TargetOutcome } from './target-outcome.ts';
import type { TrunkOptions } from './trunk-options.ts';

/** How many times a revert is made again on a trunk that moved while it was checked. */
const pushAttempts = 3;
const day = 24 * 60 * 60 * 1000;

export interface DecideContext {
  readonly records: TrunkRecords;
  readonly clone: OwnClone;
  readonly repo: GitRepo;
  readonly options: TrunkOptions;
  /** The target's tests run again at a commit. */
  readonly runAt: (commit: string, target: string) => Promise<TargetOutcome>;
  /**
   * A person asked for this revert (revertCandidate): each detail says so, and a target
   * green again at the tip is `fixed` rather than a candidate.
   */
  readonly byPerson?: boolean;
}

/**
 * Decides what to do about one verdict of a breakage's search, under every rule of the
 * revert policy, and records the decision (with its reason code) before it is told to
 * `--on-decision`. A culprit that passes every rule is reverted on the current tip, the
 * revert built and tested there, and pushed fast-forward only; when trunk moved meanwhile
 * the loop fetches, checks again, and tries anew a bounded number of times.
 */
export async function decide(
  context: DecideContext,
  breakage: Breakage,
  verdict: Verdict,
  culprit: string | undefined,
  /** Why there was no search, said before the policy's own words. */
  note?: string,
): Promise<Decision> {
  const { records, options } = context;
  const base = {
    breakageId: breakage.id,
    target: breakage.target,
    tests: verdict.tests,
    ...(culprit === undefined ? {} : { culprit }),
    ...('confidence' in verdict ? { confidence: verdict.confidence } : {}),
  };
  if (verdict.kind !== 'culprit' || culprit === undefined) {
    const ruled = asRecord(decideRevert(verdict, factsFor(options.now()), options.revert));
    const detail = note === undefined ? ruled.detail : `${note} (${ruled.detail})`;
    return finish(context, records.recordDecision({ ...base, ...ruled, detail }));
  }
  const settings = { ...options.revert };
  let pending: Decision | undefined;
  for (let attempt = 1; ; attempt++) {
    const tip = await context.clone.fetch(options.branch);
    let facts = await gatherFacts(context, breakage, verdict, culprit, tip);
    let ruled = decideRevert(verdict, facts, settings);
    if (ruled.kind !== 'verify') {
      return finish(context, record(context, pending, { ...base, ...asRecord(ruled) }));
    }
    pending ??= records.recordDecision({ ...base, kind: 'verifying', detail: ruled.detail });
    const info = (await context.repo.commitInfos([culprit]))[0];
    const message = revertMessage({
      sha: culprit,
      subject: info?.subject ?? culprit,
      targets: [breakage.target],
      tests: verdict.tests,
      confidence: verdict.confidence,
      decisionId: String(pending.id),
    });
    const reverted = await context.clone.revert(culprit, tip, message);
    if (reverted.kind === 'conflict') {
      facts = { ...facts, revertApplies: false };
    } else {
      const outcome = await context.runAt(reverted.sha, breakage.target);
      const { failed } = resultsFor(verdict.tests, outcome);
      facts = { ...facts, revertApplies: true, revertGreen: failed.length === 0 };
    }
    ruled = decideRevert(verdict, facts, settings);
    if (ruled.kind !== 'revert' || reverted.kind === 'conflict') {
      return finish(context, record(context, pending, { ...base, ...asRecord(ruled) }));
    }
    const ref = ruled.via === 'branch' ? revertBranch(culprit) : options.branch;
    const pushed = await context.clone.push(reverted.sha, ref);
    if (pushed.kind === 'pushed') {
      return finish(
        context,
        record(context, pending, {
          ...base,
          kind: 'reverted',
          detail: `${ruled.detail}; pushed ${reverted.sha.slice(0, 12)} to ${ref}`,
          revertSha: reverted.sha,
          revertRef: ref,
        }),
      );
    }
    if (attempt >= pushAttempts) {
      return finish(
        context,
        record(context, pending, {
          ...base,
          kind: 'candidate',
          rule: 'push-rejected',
          detail: `the remote refused the revert ${attempt} times (${pushed.reason}); trunk kept moving`,
        }),
      );
    }
  }
}

/** What the rules ask, found out from git and the loop's records. */
async function gatherFacts(
  context: DecideContext,
  breakage: Breakage,
  verdict: Verdict & { readonly kind: 'culprit' },
  culprit: string,
  tip: string,
): Promise<RevertFacts> {
  const { repo, records, options } = context;
  const [info] = await repo.commitInfos([culprit]);
  const later = await repo.commitInfos(await repo.firstParentLine(culprit, tip));
  const stillRedAtTip =
    tip === breakage.firstRed ||
    resultsFor(verdict.tests, await context.runAt(tip, breakage.target)).failed.length > 0;
  const now = options.now();
  return {
    ...factsFor(now),
    culpritIsRevert: isRevertMessage(info?.message ?? ''),
    alreadyReverted: later.some((commit) => revertsCommit(commit.message, culprit)),
    optedOut: hasTrueTrailer(info?.message ?? '', 'No-Auto-Revert'),
    committedAt: info?.time ?? now,
    revertsInLast24h: records
      .decisions({ since: now - day })
      .filter((decision) => decision.kind === 'reverted').length,
    stillRedAtTip,
  };
}

/** Facts that no rule reads when the verdict names no culprit. */
function factsFor(now: number): RevertFacts {
  return {
    culpritIsRevert: false,
    alreadyReverted: false,
    optedOut: false,
    committedAt: now,
    now,
    revertsInLast24h: 0,
    stillRedAtTip: true,
  };
}

function asRecord(ruled: RevertDecision): Pick<NewDecision, 'kind' | 'rule' | 'detail'> {
  if (ruled.kind === 'candidate') {
    return { kind: 'candidate', rule: ruled.reason, detail: ruled.detail };
  }
  return { kind: ruled.kind === 'revert' ? 'reverted' : ruled.kind, detail: ruled.detail };
}

/** Records a decision, or settles the one a verification left pending. */
function record(
  context: DecideContext,
  pending: Decision | undefined,
  given: NewDecision,
): Decision {
  const decision = context.byPerson === true ? askedByPerson(given) : given;
  if (pending === undefined) return context.records.recordDecision(decision);
  context.records.updateDecision(pending.id, decision);
  return { ...pending, ...decision };
}

function askedByPerson(decision: NewDecision): NewDecision {
  const detail = `asked by a person: ${decision.detail}`;
  if (decision.kind === 'candidate' && decision.rule === 'fixed-at-tip') {
    const { rule: _rule, ...rest } = decision;
    return { ...rest, kind: 'fixed', detail };
  }
  return { ...decision, detail };
}

/** Records a decision made without the policy (a person's mark) and tells it. */
export function tell(context: DecideContext, decision: NewDecision): Promise<Decision> {
  return finish(context, context.records.recordDecision(decision));
}

/** Tells the decision, as an event and to the team's `--on-decision` command. */
async function finish(context: DecideContext, decision: Decision): Promise<Decision> {
  const { options } = context;
  options.emit({ type: 'decision', decision });
  if (options.onDecision !== undefined) {
    const failure = await runHook(options.onDecision, decision, options.env);
    if (failure !== undefined) options.emit({ type: 'on-decision-failed', message: failure });
  }
  return decision;
}

/** Runs the team's command (their own, from flags or mainline.json) with the decision on stdin. */
function runHook(
  command: string,
  decision: Decision,
  env: NodeJS.ProcessEnv,
): Promise<string | undefined> {
  return new Promise((resolve) => {
    const child = spawn('sh', ['-c', command], { env, stdio: ['pipe', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-2000);
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(`${JSON.stringify(decision)}\n`);
    child.on('error', (error) => resolve(`${command}: ${error.message}`));
    child.on('close', (code) =>
      resolve(code === 0 ? undefined : `${command} exited with code ${code}: ${stderr.trim()}`),
    );
  });
}
