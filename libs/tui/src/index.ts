export type { DashboardActions, DashboardSource, Selection } from './actions.ts';
export { nextMark, snoozeMs } from './actions.ts';
export { App, type AppProps } from './app.ts';
export { revertMessage } from './messages.ts';
export type {
  BreakageGroup,
  Candidate,
  CandidateStatus,
  Dashboard,
  FlakyTestRow,
  LoopState,
  RecentRun,
  RunLabel,
  TrunkSummary,
} from './dashboard.ts';
export { readDetails } from './details.ts';
export { type LiveDashboard, type LiveOptions, liveDashboard } from './live-dashboard.ts';
export { readLoopState } from './loop-state.ts';
export { type DashboardFacts, readDashboard } from './read-dashboard.ts';
export { type RunDashboardOptions, runDashboard } from './run-dashboard.ts';
export { renderSnapshot } from './snapshot.ts';
