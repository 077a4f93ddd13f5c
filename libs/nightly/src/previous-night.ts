import type { NightlyStatus } from './night-targets.ts';
import type { TestName } from './flake-lines.ts';

/** What the nightly compares itself with: the previous nightly's run, target by target. */
export interface PreviousNight {
  readonly runId: number;
  readonly commit: string;
  /** ISO 8601. */
  readonly startedAt: string;
  readonly targets: ReadonlyMap<
    string,
    { readonly status: NightlyStatus; readonly durationMs: number }
  >;
  readonly flakyTests: readonly TestName[];
}
