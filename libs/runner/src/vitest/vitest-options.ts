import { resolve } from 'node:path';
import type { CliOptions, PoolRunnerInitializer, Reporter } from 'vitest/node';
import type { RunPlan } from './plan-run.ts';
import type { TestIsolation, VitestRunRequest } from './test-results.ts';

/** What `createVitest` takes: the test options, then overrides of the Vite config. */
export interface VitestSetup {
  readonly options: CliOptions;
  readonly viteOverrides: { readonly cacheDir?: string; readonly logLevel: 'silent' };
}

/** Which of vitest's pools (watched) runs the files, and whether each gets a fresh worker. */
export const isolationPools: Record<
  TestIsolation,
  { kind: 'threads' | 'forks'; isolate: boolean }
> = {
  thread: { kind: 'threads', isolate: true },
  process: { kind: 'forks', isolate: true },
  none: { kind: 'threads', isolate: false },
};

/** What the run adds to the request: the watched pool, and the workers' setup file. */
export interface RunParts {
  readonly plan: RunPlan;
  readonly pool: PoolRunnerInitializer;
  readonly setupFile: string;
}

/**
 * The vitest configuration of a run. No config file is read (`config: false`): the
 * repository's own vitest config, if any, is not mainline's contract, and every run must
 * be the same whatever the folder holds. Only the given files run (the caller creates
 * their specifications; `include` lists exactly them), nothing watches, no reporter but
 * ours, and Vite logs nothing.
 */
export function vitestSetup(
  request: VitestRunRequest,
  { plan, pool, setupFile }: RunParts,
  reporter: Reporter,
): VitestSetup {
  const root = plan.root;
  const { isolate } = isolationPools[request.isolation ?? 'thread'];
  const options: CliOptions = {
    config: false,
    root,
    // As `vitest run` gives tests: `test` unless the caller's environment says otherwise
    // (vitest's env reaches the workers without touching this process's).
    env: { NODE_ENV: process.env.NODE_ENV ?? 'test' },
    include: [...plan.files],
    watch: false,
    reporters: [reporter],
    pool,
    isolate,
    setupFiles: [setupFile],
    testTimeout: plan.defaults.testMs,
    retry: request.retries,
    includeTaskLocation: true,
    passWithNoTests: true,
    coverage: { enabled: false },
    typecheck: { enabled: false },
    api: false,
    ui: false,
    ...(request.maxWorkers === undefined ? {} : { maxWorkers: request.maxWorkers }),
    ...(request.cacheDir === undefined ? { cache: false } : {}),
    ...(request.alias ? { alias: aliases(request.alias, root) } : {}),
  };
  const viteOverrides =
    request.cacheDir === undefined
      ? { logLevel: 'silent' as const }
      : { cacheDir: resolve(request.cacheDir), logLevel: 'silent' as const };
  return { options, viteOverrides };
}

/** Exact-match aliases: `@scope/lib` but not `@scope/lib/sub` or `@scope/library`. */
function aliases(
  alias: Readonly<Record<string, string>>,
  root: string,
): { find: RegExp; replacement: string }[] {
  return Object.entries(alias).map(([specifier, file]) => ({
    find: new RegExp(`^${specifier.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`),
    // Replacement patterns ($&, $1) apply to the path; `$$` is a literal dollar.
    replacement: resolve(root, file).replaceAll('$', '$$$$'),
  }));
}
