import type { RunEvent } from '@mainline/core';
import type { Decision } from '@mainline/store';

/** What the trunk loop tells as it works; the CLI renders it (lines, or JSON). */
export type TrunkEvent =
  | { readonly type: 'fetched'; readonly tip: string; readonly newCommits: number }
  | { readonly type: 'fetch-failed'; readonly message: string; readonly retryInSeconds: number }
  | {
      readonly type: 'tested';
      readonly commit: string;
      /** The commits the batch covers, its tip last. */
      readonly commits: number;
      readonly red: readonly string[];
      readonly green: readonly string[];
      readonly cached: boolean;
    }
  | {
      readonly type: 'breakage';
      readonly id: number;
      readonly target: string;
      readonly lastGreen: string | undefined;
      readonly firstRed: string;
      readonly tests: readonly string[];
    }
  | { readonly type: 'fixed'; readonly id: number; readonly target: string; readonly at: string }
  | {
      readonly type: 'search-step';
      readonly breakage: number;
      readonly target: string;
      readonly commit: string;
      readonly why: string;
      readonly failed: readonly string[];
      readonly passed: readonly string[];
    }
  | { readonly type: 'decision'; readonly decision: Decision }
  | { readonly type: 'on-decision-failed'; readonly message: string }
  /** A build or test run's own progress, inside a step of the loop. */
  | { readonly type: 'run'; readonly event: RunEvent };
