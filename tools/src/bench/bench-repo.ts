import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { commitAll } from '../synth/git.ts';
import { dependentClosure, pickMidGraphLib } from '../synth/graph-queries.ts';
import { generateMonorepo } from '../synth/generate.ts';
import { json } from '../synth/manifests.ts';
import { cachedRepo } from './cached-repo.ts';

/** Bump when the generator or the preparation below changes, to invalidate caches. */
const benchRepoVersion = 2;
const seed = 1;

export interface BenchRepo {
  readonly dir: string;
  readonly targets: number;
  readonly files: number;
  readonly changedTarget: string;
  readonly changedFile: string;
  /** The changed lib and its transitive dependents: what a correct tool reports. */
  readonly expectedAffected: number;
  readonly expectedNames: readonly string[];
  /** Seconds spent generating and committing, or null when taken from the cache. */
  readonly generationSeconds: number | null;
}

/**
 * A generated repo whose HEAD commit changes one file of a mid-graph lib, with
 * turbo.json and nx.json committed before it so every tool sees the same tree.
 * Kept in the cache dir, keyed by size and version, and reused across runs.
 */
export function prepareBenchRepo(cacheDir: string, targets: number, fresh: boolean): BenchRepo {
  const key = `repo-v${benchRepoVersion}-t${targets}-s${seed}`;
  return cachedRepo(cacheDir, key, fresh, (partial) => {
    const repo = generateMonorepo({ dir: partial, targets, seed, npmWorkspaces: true, git: true });
    writeFileSync(join(partial, 'turbo.json'), json({ daemon: false, tasks: { test: {} } }));
    writeFileSync(
      join(partial, 'nx.json'),
      json({
        defaultBase: 'main',
        useDaemonProcess: false,
        neverConnectToCloud: true,
        analytics: false,
      }),
    );
    commitAll(partial, 'bench: turbo.json and nx.json', 1);
    const lib = pickMidGraphLib(repo);
    const changedFile = lib.srcs[1] ?? lib.srcs[0] ?? `${lib.name}/src/index.ts`;
    appendFileSync(join(partial, changedFile), '// bench: a one-line change\n');
    commitAll(partial, `bench: change ${changedFile}`, 2);
    const expectedNames = [...dependentClosure(repo.targets, lib.name)].sort();
    return {
      targets,
      files: repo.files.length + 2,
      changedTarget: lib.name,
      changedFile,
      expectedAffected: expectedNames.length,
      expectedNames,
    };
  });
}
