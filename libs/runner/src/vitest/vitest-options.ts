import { resolve } from 'node:path';
import type { CliOptions, PoolRunnerInitializer, Reporter } from 'vitest/node';
import type { RunPlan } from './plan-run.ts';
import { type AliasEntry, mainlineConfigPlugin, repoVitestConfig } from './repo-config.ts';
import type { TestIsolation, VitestRunRequest } from './test-results.ts';

/** What `createVitest` takes: the test options, then overrides of the Vite config. */
export interface VitestSetup {
  readonly options: CliOptions;
  readonly viteOverrides: {
    readonly cacheDir?: string;
    readonly logLevel: 'silent';
    readonly plugins: ReturnType<typeof mainlineConfigPlugin>[];
  };
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
 * The vitest configuration of a run: the repository's own config file (vitest.config.* or
 * vite.config.* at the root, or the request's `config`), so its aliases, setup files,
 * globals, environment and plugins apply, under mainline's own settings: only the given
 * files run (the caller creates their specifications; `include` lists exactly them), in
 * mainline's watched pool, with its time limits and retries, nothing watches, no reporter
 * but ours, and Vite logs nothing. mainline's setup file and workspace aliases are added
 * to the config's (see mainlineConfigPlugin).
 */
export function vitestSetup(
  request: VitestRunRequest,
  { plan, pool, setupFile }: RunParts,
  reporter: Reporter,
): VitestSetup {
  const root = plan.root;
  const { isolate } = isolationPools[request.isolation ?? 'thread'];
  const options: CliOptions = {
    config: repoVitestConfig(root, request.config),
    root,
    // As `vitest run` gives tests: `test` unless the caller's environment says otherwise
    // (vitest's env reaches the workers without touching this process's).
    env: { NODE_ENV: process.env.NODE_ENV ?? 'test' },
    include: [...plan.files],
    watch: false,
    reporters: [reporter],
    pool,
    isolate,
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
  };
  const plugins = [mainlineConfigPlugin(setupFile, aliases(request.alias ?? {}, root))];
  const viteOverrides =
    request.cacheDir === undefined
      ? { logLevel: 'silent' as const, plugins }
      : { cacheDir: resolve(request.cacheDir), logLevel: 'silent' as const, plugins };
  return { options, viteOverrides };
}

/** Exact-match aliases: `@scope/lib` but not `@scope/lib/sub` or `@scope/library`. */
function aliases(alias: Readonly<Record<string, string>>, root: string): AliasEntry[] {
  return Object.entries(alias).map(([specifier, file]) => ({
    find: new RegExp(`^${specifier.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`),
    // Replacement patterns ($&, $1) apply to the path; `$$` is a literal dollar.
    replacement: resolve(root, file).replaceAll('$', '$$$$'),
  }));
}
