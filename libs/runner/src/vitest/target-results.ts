import type {
  TargetRunStatus,
  TestFileError,
  TestFileRequest,
  TestFileResult,
  VitestRunResult,
  VitestTargetResult,
} from './test-results.ts';

export interface RunOutcome {
  readonly files: readonly TestFileRequest[];
  /** What vitest reported, by request file. */
  readonly results: ReadonlyMap<string, TestFileResult>;
  /** Request files that do not exist. */
  readonly missing: ReadonlySet<string>;
  readonly runErrors: readonly TestFileError[];
  readonly interrupted: boolean;
  readonly durationMs: number;
  /** With `recordReads`: what each request file read (see read-recorder.ts). */
  readonly reads?: (file: string) => readonly string[];
}

/**
 * Groups file results by target, in request order. A file vitest never finished is
 * `interrupted` when the run was aborted and `failed` otherwise (it must not pass
 * silently); a target is red when a file is, `interrupted` when a file did not finish,
 * and `flaky` when green with a test that passed only on a retry.
 */
export function targetResults(outcome: RunOutcome): VitestRunResult {
  const byTarget = new Map<string, TestFileResult[]>();
  for (const { file, target } of outcome.files) {
    const files = byTarget.get(target) ?? [];
    byTarget.set(target, files);
    if (!files.some((f) => f.file === file))
      files.push(withReads(fileResult(file, outcome), outcome));
  }
  const targets: VitestTargetResult[] = [...byTarget].map(([target, files]) => ({
    target,
    status: targetStatus(files),
    durationMs: files.reduce((sum, f) => sum + f.durationMs, 0),
    files,
    ...(outcome.reads ? { reads: [...new Set(files.flatMap((f) => f.reads ?? []))].sort() } : {}),
  }));
  const failed = outcome.runErrors.length > 0 || targets.some((t) => t.status === 'failed');
  return {
    status: outcome.interrupted ? 'interrupted' : failed ? 'failed' : 'passed',
    durationMs: outcome.durationMs,
    targets,
    errors: outcome.runErrors,
  };
}

/**
 * How a run that started at `started` (performance.now()) ends: its result from the file
 * results, with what each file read when `reads` is given.
 */
export function runEnd(
  files: readonly TestFileRequest[],
  missing: ReadonlySet<string>,
  started: number,
  reads?: (file: string) => readonly string[],
): (
  results: ReadonlyMap<string, TestFileResult>,
  runErrors: readonly TestFileError[],
  interrupted: boolean,
) => VitestRunResult {
  return (results, runErrors, interrupted) =>
    targetResults({
      files,
      results,
      missing,
      runErrors,
      interrupted,
      durationMs: performance.now() - started,
      ...(reads ? { reads } : {}),
    });
}

function withReads(result: TestFileResult, outcome: RunOutcome): TestFileResult {
  return outcome.reads ? { ...result, reads: outcome.reads(result.file) } : result;
}

function fileResult(file: string, outcome: RunOutcome): TestFileResult {
  const reported = outcome.results.get(file);
  if (reported) return reported;
  const failed = (message: string): TestFileResult => ({
    file,
    status: 'failed',
    durationMs: 0,
    tests: [],
    errors: [{ message }],
  });
  if (outcome.missing.has(file)) return failed(`test file not found: ${file}`);
  if (outcome.interrupted) {
    return { file, status: 'interrupted', durationMs: 0, tests: [], errors: [] };
  }
  return failed(`vitest did not report ${file}: the run ended before it finished`);
}

function targetStatus(files: readonly TestFileResult[]): TargetRunStatus {
  if (files.some((f) => f.status === 'failed' || f.tests.some((t) => t.status === 'failed'))) {
    return 'failed';
  }
  if (files.some((f) => f.status === 'interrupted')) return 'interrupted';
  return files.some((f) => f.tests.some((t) => t.status === 'flaky')) ? 'flaky' : 'passed';
}
