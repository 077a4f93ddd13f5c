import type { VitestRunEvent, VitestRunRequest, VitestRunResult } from '../test-results.ts';

/** A run request as it crosses to the test host: everything but the callbacks. */
export type HostRequest = Omit<VitestRunRequest, 'signal' | 'onEvent'>;

/** What mainline sends its test host. */
export type ToHost =
  | { readonly type: 'run'; readonly request: HostRequest }
  | { readonly type: 'abort' };

/** What the test host sends back: the run's events as they happen, then its end. */
export type FromHost =
  | { readonly type: 'event'; readonly event: VitestRunEvent }
  | { readonly type: 'result'; readonly result: VitestRunResult }
  /** runVitest threw: a MainlineError's fields. */
  | {
      readonly type: 'error';
      readonly code: string;
      readonly message: string;
      readonly hint?: string;
    };
