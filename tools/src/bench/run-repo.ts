import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { commitAll } from '../synth/git.ts';
import { dependentClosure, pickMidGraphLib } from '../synth/graph-queries.ts';
import { generateMonorepo } from '../synth/generate.ts';
import { cachedRepo } from './cached-repo.ts';
import { type RepoPackage, turboJson, withTestScript } from './turbo-setup.ts';

/** Bump when the generator or the preparation below changes, to invalidate caches. */
const runRepoVersion = 1;
const seed = 1;
const testsPerTarget = 10;

export interface RunRepo {
  readonly dir: string;
  readonly targets: number;
  readonly packages: readonly RepoPackage[];
  /** The mid-graph lib whose file the one-file-change case edits, and that file. */
  readonly changedTarget: string;
  readonly changedFile: string;
  /** The lib and its transitive dependents: what a correct one-file-change run reruns. */
  readonly expectedNames: readonly string[];
  /** Seconds spent generating and committing, or null when taken from the cache. */
  readonly generationSeconds: number | null;
}

/**
 * A generated repo with real code and one vitest file of 10 tests per target, a
 * `"test": "vitest run"` script in every package and a turbo.json, all committed, so that
 * mainline and Turborepo see the same clean tree. Kept in the cache dir and reused.
 */
export function prepareRunRepo(cacheDir: string, targets: number, fresh: boolean): RunRepo {
  const key = `run-repo-v${runRepoVersion}-t${targets}-s${seed}`;
  return cachedRepo(cacheDir, key, fresh, (partial) => {
    const repo = generateMonorepo({
      dir: partial,
      targets,
      seed,
      code: true,
      testsPerTarget,
      npmWorkspaces: true,
      git: true,
    });
    for (const target of repo.targets) {
      const path = join(partial, target.name, 'package.json');
      writeFileSync(path, withTestScript(readFileSync(path, 'utf8')));
    }
    writeFileSync(join(partial, turboJson.path), turboJson.content);
    commitAll(partial, 'bench: test scripts and turbo.json', 1);
    const lib = pickMidGraphLib(repo);
    return {
      targets,
      packages: repo.targets.map(({ name, id }) => ({ name, id })),
      changedTarget: lib.name,
      changedFile: lib.srcs[1] ?? lib.srcs[0] ?? `${lib.name}/src/index.ts`,
      expectedNames: [...dependentClosure(repo.targets, lib.name)].sort(),
    };
  });
}

/** A real code change (a new export) that no test depends on, unique per `run`. */
export function changedSource(original: string, run: number): string {
  return `${original}export const bench_change_${run} = ${run};\n`;
}
