import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type {
  RunEventBody,
  Target,
  TargetBuildResult,
  TargetTestResult,
  TestRunner,
} from '@mainline/core';
import { removeInside } from '@mainline/core';
import {
  defaultTestLimits,
  linkProblem,
  type TestFileRequest,
  type TestLimits,
  type VitestTargetResult,
  type WorkspacePackages,
} from '@mainline/runner';
import type { ArtifactCache } from '@mainline/cache';
import { ensureStateFolder } from '@mainline/state';
import type { Executor } from './executor.ts';
import { hintOtherRunners } from './other-runner-hint.ts';
import { linkPolicy } from './source-links.ts';
import { testStrictDepsProblems } from './strict-deps-check.ts';
import type { LoadedRun, PreparedRun } from './prepare-run.ts';
import type { RunRecorder } from './run-recorder.ts';
import { sharedPasses, sharePass } from './shared-test-passes.ts';
import { testFile } from './test-file.ts';

export interface TestOptions {
  readonly retries: number;
  /** Time limits given on the command line: over every target's own and the defaults. */
  readonly limits?: TestLimits;
  /** Heap limit of each test worker, in MiB. */
  readonly memoryMb?: number;
  /** A flaky test (failed, then passed) turns its target red. */
  readonly strictFlakes: boolean;
  /** Never take a result from an earlier run: every test runs again. */
  readonly rerun?: boolean;
  /** Record the repository files each target's vitest files read (its result's `reads`). */
  readonly recordReads?: boolean;
  readonly concurrency: number;
  readonly signal: AbortSignal;
}

export interface TestContext {
  readonly run: PreparedRun;
  /** Read when tests run: a fully cached run never reads them. */
  readonly packages: () => Promise<WorkspacePackages>;
  readonly recorder: RunRecorder;
  readonly options: TestOptions;
  readonly executor: Executor;
  readonly emit: (event: RunEventBody) => void;
  /**
   * A cache shared with other machines (the remote cache): test passes are stored in it,
   * and a test key the store has no pass for is looked up there before its tests run.
   */
  readonly shared?: ArtifactCache;
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
  // Where a pass found in the shared cache ran: `host run 12`.
  const origins = new Map<string, string>();
  const sharing: Promise<void>[] = [];
  const finish = (result: TargetTestResult): void => {
    results.set(result.target, result);
    const key = run.keys.test.get(result.target) as string;
    recorder.test(result, key, origins.get(result.target));
    if (context.shared) sharing.push(sharePass(context.shared, result, key, recorder.runId));
    context.emit({ type: 'test-finished', result });
  };
  // A target's tests wait for its build and its test deps' builds: a red one skips them.
  const gate = (name: string): TargetBuildResult | undefined => {
    const own = builds.get(name);
    if (own === undefined || own.status === 'failed' || own.status === 'skipped') return own;
    for (const dep of run.workspace.targets.get(name)?.testDeps ?? []) {
      const status = builds.get(dep)?.status;
      if (status === 'failed' || status === 'skipped') {
        return { ...own, status: 'skipped', failedDep: dep };
      }
    }
    return own;
  };
  const filesOf = (name: string): string[] =>
    (run.testFiles.get(name) ?? []).filter((path) => testFile.test(path));
  // A target with its own test runner runs it even when no file is listed: the runner finds them.
  const runnerOf = (name: string) => run.workspace.targets.get(name)?.testRunner;
  const testable = run.selected.asked.filter(
    (name) =>
      !blockedBy(name, gate(name)) && (filesOf(name).length > 0 || runnerOf(name) !== undefined),
  );
  // Every earlier result is looked up at once: one query, not one per target.
  const passed = context.options.rerun
    ? new Map<string, TargetTestResult>()
    : recorder.passedTests(
        testable.map((name) => ({ target: name, key: run.keys.test.get(name) as string })),
        context.options.strictFlakes,
      );
  // Only what this store has no pass for asks the shared cache: a fully cached run never does.
  const unknown = testable.filter((name) => !passed.has(name));
  if (context.shared && !context.options.rerun && unknown.length > 0) {
    const wanted = unknown.map((name) => ({
      target: name,
      key: run.keys.test.get(name) as string,
    }));
    for (const [name, pass] of await sharedPasses(context.shared, wanted)) {
      passed.set(name, pass.result);
      origins.set(name, pass.from);
    }
  }
  const toRun: TestFileRequest[] = [];
  const commands: { name: string; runner: TestRunner; limits: TestLimits | undefined }[] = [];
  for (const name of run.selected.asked) {
    const blocked = blockedBy(name, gate(name));
    if (blocked) {
      finish(blocked);
      continue;
    }
    const files = filesOf(name);
    const runner = runnerOf(name);
    if (files.length === 0 && runner === undefined) {
      // Nothing to run is not a pass: reports say the target has no tests.
      finish({ target: name, status: 'no-tests', durationMs: 0, tests: [], fileErrors: [] });
      continue;
    }
    const cached = passed.get(name);
    if (cached) {
      // A green file without tests stays worth a warning for as long as it is so (a vitest
      // file: a test command's report may not say which file a test is in).
      const warnings = noTestWarnings(
        runner === undefined
          ? files.filter((file) => !cached.tests.some((test) => test.file === file))
          : [],
      );
      finish(warnings.length > 0 ? { ...cached, warnings } : cached);
      continue;
    }
    const loaded = await run.loaded();
    const refused = [
      ...refusedLinks(loaded, name, files),
      ...testStrictDepsProblems(loaded, await context.packages(), name, readable(loaded, files)),
    ];
    if (refused.length > 0) {
      finish({ target: name, status: 'failed', durationMs: 0, tests: [], fileErrors: refused });
      continue;
    }
    const limits = limitsOf(run.workspace.targets.get(name), context.options.limits);
    if (runner !== undefined) {
      commands.push({ name, runner, limits });
      continue;
    }
    for (const file of files) toRun.push({ file, target: name, ...(limits ? { limits } : {}) });
  }
  if (toRun.length > 0 || commands.length > 0) {
    const byCommand = commands.map((command) => command.name);
    const targets = [...new Set(toRun.map((file) => file.target)), ...byCommand];
    context.emit({
      type: 'tests-started',
      targets,
      files: toRun.length,
      ...(byCommand.length > 0 ? { commands: byCommand } : {}),
    });
    // The vitest run and the commands go side by side; the commands one at a time.
    await Promise.all([runFiles(context, toRun, finish), runCommands(context, commands, finish)]);
  }
  await Promise.all(sharing);
  return run.selected.asked.map((name) => results.get(name) as TargetTestResult);
}

/** The test files of every vitest target in one vitest run, in the test host. */
async function runFiles(
  context: TestContext,
  toRun: readonly TestFileRequest[],
  finish: (result: TargetTestResult) => void,
): Promise<void> {
  const { run } = context;
  if (toRun.length > 0) {
    const scratch = ensureStateFolder(run.state, 'tmp', `tests-${process.pid}-${randomUUID()}`);
    try {
      const outcome = await context.executor.runTests({
        root: run.root,
        files: toRun,
        retries: context.options.retries,
        maxWorkers: context.options.concurrency,
        alias: sourceAliases(run, await context.packages()),
        cacheDir: ensureStateFolder(run.state, 'vitest'),
        scratchDir: scratch,
        ...(context.options.memoryMb ? { workerMemoryMb: context.options.memoryMb } : {}),
        ...(context.options.recordReads ? { recordReads: { ignore: [run.state] } } : {}),
        signal: context.options.signal,
      });
      const runErrors = outcome.errors.map((error) => ({
        file: '(vitest)',
        message: error.message,
      }));
      for (const target of outcome.targets) {
        finish(testResult(hintOtherRunners(target), runErrors, context.options.strictFlakes));
      }
    } finally {
      removeInside(run.state, scratch);
    }
  }
}

/**
 * Targets with their own test runner: each command in turn, in its folder (the target's
 * name unless `cwd` says otherwise), under the target's file limit, rerun while red.
 */
async function runCommands(
  context: TestContext,
  commands: readonly { name: string; runner: TestRunner; limits: TestLimits | undefined }[],
  finish: (result: TargetTestResult) => void,
): Promise<void> {
  const { run } = context;
  for (const { name, runner, limits } of commands) {
    const scratch = ensureStateFolder(run.state, 'tmp', `command-${process.pid}-${randomUUID()}`);
    try {
      const outcome = await context.executor.runTestCommand({
        root: run.root,
        target: name,
        cwd: runner.cwd ?? name,
        command: runner.command,
        ...(runner.junit === undefined ? {} : { junit: runner.junit }),
        retries: context.options.retries,
        timeoutMs: limits?.fileMs ?? defaultTestLimits.fileMs,
        scratchDir: scratch,
        signal: context.options.signal,
      });
      finish(testResult(outcome, [], context.options.strictFlakes));
    } finally {
      removeInside(run.state, scratch);
    }
  }
}

/**
 * Test files that are symbolic links the link rule refuses (one leading outside the
 * repository, or to a file the target's fingerprint does not cover): the target fails
 * with them, and nothing is read through them.
 */
function refusedLinks(
  run: LoadedRun,
  name: string,
  files: readonly string[],
): { file: string; message: string }[] {
  const links = files.filter((file) => run.links.has(file));
  if (links.length === 0) return [];
  const policy = linkPolicy(run, name, { tests: true });
  return links.flatMap((file) => {
    const problem = linkProblem(run.root, file, policy);
    return problem ? [{ file, message: `${problem.message}; ${problem.hint}` }] : [];
  });
}

/** The files strict deps may read: links are held to the link rule, not read here. */
function readable(run: LoadedRun, files: readonly string[]): string[] {
  return files.filter((file) => !run.links.has(file));
}

/** A target's limits: the command line's, else its BUILD.json timeouts; none means the defaults. */
function limitsOf(
  target: Target | undefined,
  given: TestLimits | undefined,
): TestLimits | undefined {
  const testMs = given?.testMs ?? target?.timeouts?.test;
  const fileMs = given?.fileMs ?? target?.timeouts?.file;
  if (testMs === undefined && fileMs === undefined) return undefined;
  return {
    ...(testMs === undefined ? {} : { testMs }),
    ...(fileMs === undefined ? {} : { fileMs }),
  };
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
      file.errors.map(({ message, reason, test }) => ({
        file: file.file,
        message,
        ...(reason ? { reason } : {}),
        ...(test ? { test } : {}),
      })),
    ),
    ...runErrors,
  ];
  const warnings = noTestWarnings(
    target.files
      .filter((file) => file.status === 'passed' && file.tests.length === 0)
      .map((file) => file.file),
  );
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
    ...(warnings.length > 0 ? { warnings } : {}),
    ...(target.reads ? { reads: target.reads } : {}),
  };
}

/** A file that declares no test passes, checking nothing: it must not pass silently. */
function noTestWarnings(files: readonly string[]): { file: string; message: string }[] {
  return files.map((file) => ({ file, message: 'declares no test: nothing was checked' }));
}

/**
 * Workspace package names resolved to their sources in this snapshot, never a build: the
 * package itself, and each subpath its package.json `exports` names (`@scope/lib/sub`).
 */
function sourceAliases(run: PreparedRun, packages: WorkspacePackages): Record<string, string> {
  const alias: Record<string, string> = {};
  for (const [name, pkg] of packages) {
    if (pkg.entry !== undefined) alias[name] = join(run.root, pkg.entry);
    for (const [subpath, file] of pkg.subpaths) {
      if (subpath !== '.') alias[`${name}/${subpath.replace(/^\.\//, '')}`] = join(run.root, file);
    }
  }
  return alias;
}
