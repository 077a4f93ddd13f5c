import type { Executor } from '@mainline/engine';
import type { Decision } from '@mainline/store';
import type { TrunkEvent } from './trunk-events.ts';

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
 * Reverts a decision's culprit through the trunk loop's gated flow, with the thresholds a
 * person judges waived and every safety rule kept; records and returns the new decision.
 */
export async function revertCandidate(request: RevertRequest): Promise<Decision> {
  throw new Error(`revertCandidate(${request.decisionId}): not yet`);
}
