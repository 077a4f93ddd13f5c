export { auditCandidates, auditFinding, type AuditEvidence } from './audit.ts';
export { honestyFindings, type KeyedOutcome } from './cache-honesty.ts';
export { compareNights } from './comparison.ts';
export {
  defaultFlakeThreshold,
  type FlakeHistory,
  flakeRate,
  flakyTestLines,
  type TestName,
} from './flake-lines.ts';
export { undirectedDistances } from './graph-distance.ts';
export { countStatuses, foldStatus, nightlyTargets } from './night-targets.ts';
export type {
  AuditFinding,
  FlakyTestLine,
  HonestyFinding,
  NightlyComparison,
  NightlyReport,
  NightlyTarget,
  NightlyTestCase,
} from './nightly-report.ts';
export type { PreviousNight } from './previous-night.ts';
export { defaultReportDir } from './read-previous.ts';
export { type NightlyOutcome, type NightlyRequest, runNightly } from './run-nightly.ts';
export { nightlyMarkdown } from './summary-markdown.ts';
