import { cleanGitEnv } from '@mainline/git';
import {
  type CompileRequest,
  type CompileResult,
  compileTarget,
  runTestCommand,
  runVitestInHost,
  type TestCommandRequest,
  TestHostPool,
  type TypecheckRequest,
  type TypecheckResult,
  typecheck,
  type VitestRunRequest,
  type VitestRunResult,
  type VitestTargetResult,
} from '@mainline/runner';

/**
 * What actually builds and tests: the engine's one seam to the tools. The engine decides
 * what runs, in which order, from the cache or not, and records it; an executor runs it.
 * Tests of the engine pass one of their own.
 */
export interface Executor {
  /** Compiles one target (esbuild). */
  readonly compile: (request: CompileRequest) => Promise<CompileResult>;
  /** Type-checks many targets in one checker process. */
  readonly typecheck: (request: TypecheckRequest) => Promise<TypecheckResult>;
  /** Runs the test files of many targets in one vitest run. */
  readonly runTests: (request: VitestRunRequest) => Promise<VitestRunResult>;
  /** Runs a target's own test command (BUILD.json testRunner) and reads its JUnit report. */
  readonly runTestCommand: (request: TestCommandRequest) => Promise<VitestTargetResult>;
  /** Tests will run soon: get ready meanwhile (start a test host while builds run). */
  readonly prepareTests?: () => void;
}

export interface LocalExecutorOptions {
  /** The test host script (its main calls serveTestHost; the CLI bundles dist/test-host.cjs). */
  readonly testHost: string;
  /**
   * The tests' environment. GIT_DIR-style variables are removed: git runs hooks with them
   * set, and tests that make repositories of their own must not reach the outer one.
   */
  readonly env: NodeJS.ProcessEnv;
  /**
   * Tests follow builds (`mainline test`, the pre-push check): the first compile starts a
   * test host, which loads vitest while the builds run.
   */
  readonly testsFollowBuilds?: boolean;
}

/** esbuild, the type checker and vitest in a test host process of its own. */
export function localExecutor(options: LocalExecutorOptions): Executor {
  const hosts = new TestHostPool({ entry: options.testHost, env: cleanGitEnv(options.env) });
  return {
    compile: (request) => {
      if (options.testsFollowBuilds) hosts.warm();
      return compileTarget(request);
    },
    typecheck,
    runTests: (request) => runVitestInHost(request, hosts),
    runTestCommand: (request) => runTestCommand({ ...request, env: cleanGitEnv(options.env) }),
    prepareTests: () => hosts.warm(),
  };
}
