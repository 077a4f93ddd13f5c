import type { RevertSettings, SearchSettings } from '@mainline/culprit';
import type { Executor, PipelineRequest } from '@mainline/engine';
import type { TrunkEvent } from './trunk-events.ts';

/** Everything one trunk loop works with: settings and flags resolved, and its seams. */
export interface TrunkOptions {
  /** A work tree of the repository the loop serves (its remote is read from there). */
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  readonly remote: string;
  readonly branch: string;
  /** New trunk commits one test run covers at most. */
  readonly batch: number;
  readonly revert: Partial<RevertSettings>;
  readonly search: Partial<SearchSettings>;
  /** A command (run by `sh -c`) given each decision as JSON on stdin. */
  readonly onDecision: string | undefined;
  readonly typecheck: boolean;
  readonly concurrency: number | undefined;
  readonly executor: Executor;
  /** The remote cache every run of the loop builds and tests through, when one is set up. */
  readonly sharedCache?: PipelineRequest['sharedCache'];
  /** Milliseconds since the epoch (tests pass their own clock). */
  readonly now: () => number;
  readonly emit: (event: TrunkEvent) => void;
  readonly signal: AbortSignal;
}

/** The defaults of mainline.json's trunk settings (see the README's Settings). */
export const trunkDefaults = {
  remote: 'origin',
  intervalSeconds: 60,
  batch: 10,
} as const;
