import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { commitAll, git } from '../synth/git.ts';
import { json } from '../synth/manifests.ts';
import type { GeneratedFile } from '../synth/types.ts';
import { cachedRepo } from './cached-repo.ts';
import { prepareRunRepo } from './run-repo.ts';
import {
  linkRunNodeModules,
  linkToolPackage,
  type RepoPackage,
  testScript,
  turboConfig,
} from './turbo-setup.ts';

/** Bump when the preparation below changes, to invalidate kept repositories. */
const nightlyRepoVersion = 1;

export interface NightlyRepo {
  readonly dir: string;
  readonly targets: number;
  readonly packages: readonly RepoPackage[];
  /** Seconds spent cloning and committing, or null when taken from the cache. */
  readonly generationSeconds: number | null;
}

/**
 * Each package's build, as a Turborepo package whose sources are consumed as they are
 * builds: a type check of the package (tsc, through the root's `paths` its deps' sources
 * too). mainline's build of a target is esbuild plus one type-checker process for all.
 */
export const buildScript = 'tsc -p tsconfig.json';

/**
 * turbo.json for `turbo run build test`: `build` after the deps' builds; `test` after the
 * script-less `transit` task, as bench:run's (its hash covers the deps' sources, every
 * package's tests run in parallel).
 */
export const nightlyTurboJson: GeneratedFile = turboConfig({
  transit: { dependsOn: ['^transit'] },
  build: { dependsOn: ['^build'], outputs: [] },
  test: { dependsOn: ['transit'], outputs: [] },
});

/** A package's tsconfig.json: the root's options, its own sources. */
export const packageTsconfig = json({ extends: '../../tsconfig.base.json', include: ['src'] });

/** The package.json with `"build"` beside bench:run's `"test"` script. */
export function withBuildScript(manifestText: string): string {
  const manifest = JSON.parse(manifestText) as Record<string, unknown>;
  const scripts = (manifest.scripts ?? {}) as Record<string, string>;
  return json({ ...manifest, scripts: { ...scripts, build: buildScript, test: testScript } });
}

/**
 * bench:run's repository (real code, one vitest file of 10 tests per target) cloned, with a
 * build script and a tsconfig.json in every package and turbo.json's `build` task,
 * committed: mainline's nightly and `turbo run build test` see the same clean tree. Kept
 * in `cacheDir` beside it, with node_modules linking vitest, typescript and the packages.
 */
export function prepareNightlyRepo(cacheDir: string, targets: number, fresh: boolean): NightlyRepo {
  const source = prepareRunRepo(cacheDir, targets, false);
  const key = `nightly-repo-v${nightlyRepoVersion}-t${targets}-s1`;
  const repo = cachedRepo(cacheDir, key, fresh, (partial) => {
    git(cacheDir, ['clone', '--quiet', source.dir, partial]);
    for (const { name } of source.packages) {
      const manifest = join(partial, name, 'package.json');
      writeFileSync(manifest, withBuildScript(readFileSync(manifest, 'utf8')));
      writeFileSync(join(partial, name, 'tsconfig.json'), packageTsconfig);
    }
    writeFileSync(join(partial, nightlyTurboJson.path), nightlyTurboJson.content);
    commitAll(partial, 'bench: build scripts, package tsconfig.json files, turbo build task', 2);
    return { targets, packages: source.packages };
  });
  linkRunNodeModules(repo.dir, repo.packages);
  linkToolPackage(repo.dir, 'typescript', 'tsc');
  return repo;
}
