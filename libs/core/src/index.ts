export { fingerprintId, rulesId, version } from './build-identity.ts';
export { errorCodes, type ErrorCode } from './codes.ts';
export {
  type Diagnostic,
  formatDiagnostic,
  isMainlineError,
  MainlineError,
  type MainlineErrorInit,
} from './errors.ts';
export {
  type AffectedReason,
  type AffectedReport,
  type AffectedTarget,
  type ChangeStatus,
  type FileChange,
  type Target,
  type TargetKind,
  targetKinds,
  type TestRunner,
  type Workspace,
  WORKTREE,
} from './types.ts';
export { isProcessAlive } from './process-alive.ts';
export { reportRepair, reportRepairsTo } from './repair-reports.ts';
export { closestName } from './suggest.ts';
export { unknownTarget } from './unknown-target.ts';
export { assertInside, childPath, isInside } from './paths-inside.ts';
export {
  asideName,
  type MovedAside,
  makeFolder,
  moveAside,
  removeInside,
} from './state-fs.ts';
export { dependencyClosure } from './dependency-closure.ts';
export { isGreen } from './run-events.ts';
export type {
  BuildStatus,
  RunCommand,
  RunEvent,
  RunEventBody,
  RunEventStamp,
  RunStatus,
  RunSummary,
  SourceLocation,
  TargetBuildResult,
  TargetTestResult,
  TestCaseResult,
  TestFileFailure,
  TestStatus,
} from './run-events.ts';
export { positionAt, type TextPosition } from './text-position.ts';
