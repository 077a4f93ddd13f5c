import type { Decision, TestMark } from '@mainline/store';
import type { BreakageGroup, Candidate, FlakyTestRow } from './dashboard.ts';
import type { PanelId } from './panels.ts';

/** An item whose details Enter opens. */
export type Selection =
  | { readonly panel: 'trunk' }
  | { readonly panel: 'breakages'; readonly item: BreakageGroup }
  | { readonly panel: 'candidates'; readonly item: Candidate }
  | { readonly panel: 'flaky'; readonly item: FlakyTestRow }
  | { readonly panel: 'runs'; readonly item: { readonly id: number } };

/** What the keys do: the screen's only way to change anything or read more. */
export interface DashboardActions {
  /** `r`: a person's revert of the candidate's culprit through the trunk loop's gated flow. */
  revert(candidate: Candidate): Promise<Decision>;
  /** `f`: marks the test (or clears its mark). */
  markTest(row: FlakyTestRow, mark: TestMark | undefined): void;
  /** `s`: snoozes the range's breakages until a time, or wakes them. */
  snooze(group: BreakageGroup, until: number | undefined): void;
  /** Enter: the lines of the selection's details. */
  details(selection: Selection): Promise<readonly string[]>;
}

/** The dashboard as it changes: the screen re-renders on each change. */
export interface DashboardSource<D> {
  current(): D;
  subscribe(listener: () => void): () => void;
  /** Reads the store again now (after this process wrote to it: others' writes are polled). */
  refresh(): void;
}

/** `f` cycles a test's mark: none, flaky, quarantined, none. */
export function nextMark(mark: TestMark | undefined): TestMark | undefined {
  if (mark === undefined) return 'flaky';
  return mark === 'flaky' ? 'quarantined' : undefined;
}

/** How long `s` snoozes a breakage. */
export const snoozeMs = 4 * 60 * 60 * 1000;

export const panelKeys: Readonly<Record<string, PanelId>> = {
  '1': 'trunk',
  '2': 'breakages',
  '3': 'candidates',
  '4': 'flaky',
  '5': 'runs',
};
