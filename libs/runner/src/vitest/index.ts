export { runVitest } from './run-vitest.ts';
export type {
  TargetRunStatus,
  TestFileError,
  TestFileRequest,
  TestFileResult,
  TestFileStatus,
  TestIsolation,
  VitestRunEvent,
  VitestRunRequest,
  VitestRunResult,
  VitestTargetResult,
} from './test-results.ts';
