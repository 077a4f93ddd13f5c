export { TestHostPool } from './host/host-pool.ts';
export { runVitestInHost } from './host/run-in-host.ts';
export type { TestHost } from './host/host-round.ts';
export { serveTestHost } from './host/serve-test-host.ts';
export { defaultTestLimits } from './plan-run.ts';
export type { ReadRecording } from './read-recorder.ts';
export { runVitest } from './run-vitest.ts';
export type {
  TargetRunStatus,
  TestFileError,
  TestFileRequest,
  TestFileResult,
  TestFileStatus,
  TestIsolation,
  TestLimits,
  VitestRunEvent,
  VitestRunRequest,
  VitestRunResult,
  VitestTargetResult,
} from './test-results.ts';
