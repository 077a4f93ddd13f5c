import { readFileSync } from 'node:fs';
import type { TestCaseResult } from '@mainline/core';
import type { Reporter, SerializedError, TestCase, TestModule, Vitest } from 'vitest/node';
import { type ReportedError, relativePath } from './locate-failure.ts';
import type { TestFileError, TestFileResult, VitestRunEvent } from './test-results.ts';
import { toFileError, toTestCaseResult } from './to-results.ts';

type ConsoleLog = Parameters<NonNullable<Reporter['onUserConsoleLog']>>[0];

/** Whose output it is: a test, or a file (logged while loading, or from a hook). */
interface Owner {
  readonly file: string;
  readonly test?: string;
}

export interface ReporterOptions {
  readonly root: string;
  /** Absolute module path (as given to vitest, and its real path) -> request file. */
  readonly files: ReadonlyMap<string, string>;
  /** Request file -> its targets. */
  readonly targets: ReadonlyMap<string, readonly string[]>;
  readonly emit: (event: VitestRunEvent) => void;
}

/**
 * A vitest reporter that prints nothing: it turns vitest's reports into mainline's results
 * (one per file, by request path) and events, and routes the tests' console output to
 * `output` events.
 */
export class ResultReporter implements Reporter {
  readonly #options: ReporterOptions;
  readonly #results = new Map<string, TestFileResult>();
  readonly #modules = new Map<string, Owner>();
  readonly #runErrors: TestFileError[] = [];
  readonly #finishedTests = new Map<string, TestCaseResult[]>();
  #vitest: Vitest | undefined;

  constructor(options: ReporterOptions) {
    this.#options = options;
  }

  /** Finished files by request path. */
  get results(): ReadonlyMap<string, TestFileResult> {
    return this.#results;
  }

  /** Errors of the run that no file claims. */
  get runErrors(): readonly TestFileError[] {
    return this.#runErrors;
  }

  /** Vitest calls this only from `start()` and `standalone()`: runVitest calls it itself. */
  onInit(vitest: Vitest): void {
    this.#vitest = vitest;
  }

  onTestModuleQueued(module: TestModule): void {
    this.#modules.set(module.id, { file: this.#file(module.moduleId) });
  }

  /** The tests of a file reported finished so far (its worker may die before the file ends). */
  finishedTests(file: string): readonly TestCaseResult[] {
    return this.#finishedTests.get(file) ?? [];
  }

  onTestCaseResult(test: TestCase): void {
    const result = this.#testResult(test);
    if (!result) return;
    const finished = this.#finishedTests.get(result.file);
    if (finished) finished.push(result);
    else this.#finishedTests.set(result.file, [result]);
    this.#options.emit({
      type: 'test-finished',
      targets: this.#targets(result.file),
      test: result,
    });
  }

  onTestModuleEnd(module: TestModule): void {
    const file = this.#file(module.moduleId);
    const tests: TestCaseResult[] = [];
    for (const test of module.children.allTests()) {
      const result = this.#testResult(test);
      if (result) tests.push(result);
    }
    const state = module.state();
    const diagnostic = module.diagnostic();
    const errors = module.errors().map((error) => this.#fileError(module.moduleId, error));
    const result: TestFileResult = {
      file,
      status: state === 'pending' || state === 'queued' ? 'interrupted' : state,
      durationMs:
        diagnostic.environmentSetupDuration +
        diagnostic.prepareDuration +
        diagnostic.collectDuration +
        diagnostic.setupDuration +
        diagnostic.duration,
      tests,
      errors,
    };
    this.#results.set(file, result);
    this.#options.emit({ type: 'file-finished', targets: this.#targets(file), result });
  }

  onTestRunEnd(_modules: ReadonlyArray<TestModule>, errors: ReadonlyArray<SerializedError>): void {
    for (const error of errors) {
      // An error thrown after its test ended still names the file it came from.
      const path = error.VITEST_TEST_PATH;
      const file = typeof path === 'string' ? this.#options.files.get(path) : undefined;
      const result = file === undefined ? undefined : this.#results.get(file);
      if (file !== undefined && result && typeof path === 'string') {
        const fileError = unhandled(error, this.#fileError(path, error));
        this.#results.set(file, {
          ...result,
          status: 'failed',
          errors: [...result.errors, fileError],
        });
      } else {
        const runError = toFileError(error, this.#options.root, this.#options.root);
        this.#runErrors.push(unhandled(error, runError));
      }
    }
  }

  onUserConsoleLog(log: ConsoleLog): void {
    const owner = log.taskId === undefined ? undefined : this.#owner(log.taskId);
    this.#options.emit({ type: 'output', stream: log.type, text: log.content, ...owner });
  }

  /**
   * A log arrives before the reports of its test (workers batch those), so the test is
   * looked up in vitest's state (an experimental API), the module in ours.
   */
  #owner(taskId: string): Owner | undefined {
    const entity = this.#vitest?.state.getReportedEntityById(taskId);
    if (!entity) return this.#modules.get(taskId);
    const file = this.#file(entity.type === 'module' ? entity.moduleId : entity.module.moduleId);
    return entity.type === 'test' ? { file, test: entity.fullName } : { file };
  }

  #testResult(test: TestCase): TestCaseResult | undefined {
    return toTestCaseResult(test, this.#file(test.module.moduleId), this.#options.root);
  }

  #fileError(moduleId: string, error: ReportedError): TestFileError {
    const failed = toFileError(error, this.#options.root, moduleId);
    if (failed.location) return failed;
    // A module that did not resolve: find the line importing it in the file's text.
    let source: string | undefined;
    try {
      source = readFileSync(moduleId, 'utf8');
    } catch {
      return failed;
    }
    return toFileError(error, this.#options.root, moduleId, source);
  }

  #file(moduleId: string): string {
    return this.#options.files.get(moduleId) ?? relativePath(this.#options.root, moduleId);
  }

  #targets(file: string): readonly string[] {
    return this.#options.targets.get(file) ?? [];
  }
}

/** "Unhandled Rejection in 'test name': message", from what vitest attached to the error. */
function unhandled(error: SerializedError, located: TestFileError): TestFileError {
  const kind = typeof error.type === 'string' ? error.type : 'Unhandled error';
  const test = typeof error.VITEST_TEST_NAME === 'string' ? ` in '${error.VITEST_TEST_NAME}'` : '';
  return { ...located, message: `${kind}${test}: ${located.message}` };
}
