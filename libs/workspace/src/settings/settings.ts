/**
 * mainline.json as written (the schema checked): the team's policy. Every field is
 * optional; what is absent takes its default where it is used.
 */
export interface Settings {
  readonly trunk?: {
    readonly branch?: string;
    readonly remote?: string;
    readonly intervalSeconds?: number;
    readonly batch?: number;
    readonly revertVia?: 'push' | 'branch';
    readonly onDecision?: string;
  };
  readonly revert?: {
    readonly minConfidence?: number;
    readonly maxPerDay?: number;
    readonly maxAgeHours?: number;
  };
  readonly search?: {
    readonly maxRuns?: number;
    readonly flakeCap?: number;
  };
  readonly nightly?: {
    readonly flakeThreshold?: number;
  };
  readonly remoteCache?: {
    /** `<url>/ac/<key>`, `<url>/cas/<sha256>`; MAINLINE_REMOTE_CACHE comes first. */
    readonly url?: string;
  };
}

/** Its name, at the repository root. */
export const settingsFile = 'mainline.json';
