import { join } from 'node:path';
import type { RunEvent, TargetBuildResult, TargetTestResult } from '@mainline/core';
import {
  runVitest,
  type TestFileRequest,
  type VitestTargetResult,
  type WorkspacePackages,
} from '@mainline/runner';
import type { PreparedRun } from './prepare-run.ts';
import type { RunRecorder } from './run-recorder.ts';
import { targetFiles } from './target-files.ts';
import { testFile } from './test-file.ts';

export interface TestOptions {
  readonly retries: number;
  /** A flaky test (failed, then passed) turns its target red. */
  readonly strictFlakes: boolean;
  readonly concurrency: number;
  readonly signal: AbortSignal;
}

export interface TestContext {
  readonly run: PreparedRun;
  readonly packages: WorkspacePackages;
  readonly recorder: RunRecorder;
  readonly options: TestOptions;
  readonly emit: (event: RunEvent) => void;
}

/**
 * Tests the asked targets whose build is green: a target whose test key passed before is
 * `cached`; the test files of all the others run in one vitest run, their results mapped
 * back to their targets and recorded.
 */
export async function testTargets(
  context: TestContext,
  builds: ReadonlyMap<string, TargetBuildResult>,
): Promise<TargetTestResult[]> {
  const { run, recorder } = context;
  const results = new Map<string, TargetTestResult>();
  const finish = (result: TargetTestResult): void => {
    results.set(result.target, result);
    recorder.test(result, run.keys.test.get(result.target) as string);
    context.emit({ type: 'test-finished', result });
  };
  const toRun: TestFileRequest[] = [];
  for (const name of run.selected.asked) {
    const build = builds.get(name);
    const blocked = blockedBy(name, build);
    if (blocked) {
      finish(blocked);
      continue;
    }
    const files = targetFiles(run, name).tests.filter((path) => testFile.test(path));
    if (files.length === 0) {
      finish({ target: name, status: 'passed', durationMs: 0, tests: [], fileErrors: [] });
      continue;
    }
    const key = run.keys.test.get(name) as string;
    const cached = recorder.passedTests(name, key, context.options.strictFlakes);
    if (cached) {
      finish(cached);
      continue;
    }
    for (const file of files) toRun.push({ file, target: name });
  }
  if (toRun.length > 0) {
    const targets = [...new Set(toRun.map((file) => file.target))];
    context.emit({ type: 'tests-started', targets, files: toRun.length });
    const outcome = await runVitest({
      root: run.root,
      files: toRun,
      retries: context.options.retries,
      maxWorkers: context.options.concurrency,
      alias: sourceAliases(run, context.packages),
      cacheDir: join(run.state, 'vitest'),
      signal: context.options.signal,
    });
    const runErrors = outcome.errors.map((error) => ({ file: '(vitest)', message: error.message }));
    for (const target of outcome.targets) {
      finish(testResult(target, runErrors, context.options.strictFlakes));
    }
  }
  return run.selected.asked.map((name) => results.get(name) as TargetTestResult);
}

function blockedBy(
  name: string,
  build: TargetBuildResult | undefined,
): TargetTestResult | undefined {
  const base = { target: name, durationMs: 0, tests: [], fileErrors: [] };
  if (build === undefined || build.status === 'not-run') return { ...base, status: 'not-run' };
  if (build.status === 'failed') return { ...base, status: 'skipped', failedDep: name };
  if (build.status === 'skipped')
    return { ...base, status: 'skipped', failedDep: build.failedDep ?? name };
  return undefined;
}

function testResult(
  target: VitestTargetResult,
  runErrors: readonly { file: string; message: string }[],
  strictFlakes: boolean,
): TargetTestResult {
  const fileErrors = [
    ...target.files.flatMap((file) =>
      file.errors.map((error) => ({ file: file.file, message: error.message })),
    ),
    ...runErrors,
  ];
  let status: TargetTestResult['status'] =
    target.status === 'interrupted' ? 'not-run' : target.status;
  if (status === 'flaky' && strictFlakes) status = 'failed';
  if (fileErrors.length > 0 && status !== 'not-run') status = 'failed';
  return {
    target: target.target,
    status,
    durationMs: target.durationMs,
    tests: target.files.flatMap((file) => file.tests),
    fileErrors,
  };
}

/** Workspace package names resolved to their sources in this snapshot, never a build. */
function sourceAliases(run: PreparedRun, packages: WorkspacePackages): Record<string, string> {
  const alias: Record<string, string> = {};
  for (const [name, pkg] of packages) {
    if (pkg.entry !== undefined) alias[name] = join(run.root, pkg.entry);
  }
  return alias;
}
