import { fileURLToPath } from 'node:url';
import { type Executor, localExecutor } from '@mainline/engine';

/**
 * The tools the engine runs, from this installation: esbuild, the type checker, and
 * vitest in the test host bundled next to this file (dist/test-host.cjs).
 */
export function executorFor(env: NodeJS.ProcessEnv, tests = true): Executor {
  const testHost = fileURLToPath(new URL('./test-host.cjs', import.meta.url));
  return localExecutor({ testHost, env, testsFollowBuilds: tests });
}
