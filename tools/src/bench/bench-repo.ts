import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { commitAll } from '../synth/git.ts';
import { dependentClosure, pickMidGraphLib } from '../synth/graph-queries.ts';
import { generateMonorepo } from '../synth/generate.ts';
import { json } from '../synth/manifests.ts';
import type { LockfileKind } from '../synth/types.ts';
import { bumpInLockfile, lockfilePathOf, mostImportedExternal } from './lockfile-bump.ts';
import { cachedRepo } from './cached-repo.ts';

/** Bump when the generator or the preparation below changes, to invalidate caches. */
const benchRepoVersion = 3;
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
  readonly lockfile: LockfileKind;
  /** HEAD~1 bumps a package in the lockfile: its importers and their dependents are affected. */
  readonly lockfileExpectedNames: readonly string[];
  /** Seconds spent generating and committing, or null when taken from the cache. */
  readonly generationSeconds: number | null;
}

/**
 * A generated repo (with the lockfile asked for, and external packages) whose HEAD
 * commit changes one file of a mid-graph lib, and HEAD~1 bumps `ms` in the lockfile,
 * with turbo.json and nx.json committed before so every tool sees the same tree.
 * Kept in the cache dir, keyed by size, lockfile and version, and reused across runs.
 */
export function prepareBenchRepo(
  cacheDir: string,
  targets: number,
  fresh: boolean,
  lockfile: LockfileKind = 'npm',
): BenchRepo {
  const key = `repo-v${benchRepoVersion}-t${targets}-s${seed}-${lockfile}`;
  return cachedRepo(cacheDir, key, fresh, (partial) => {
    const repo = generateMonorepo({
      dir: partial,
      targets,
      seed,
      npmWorkspaces: true,
      externalPackages: true,
      lockfile,
      git: true,
    });
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
    // HEAD~1: the package the most targets import, one patch up in the lockfile.
    const bumped = mostImportedExternal(repo.targets);
    const lockfilePath = join(partial, lockfilePathOf(lockfile));
    if (bumped)
      writeFileSync(lockfilePath, bumpInLockfile(readFileSync(lockfilePath, 'utf8'), bumped));
    commitAll(partial, `bench: ${bumped?.name ?? 'nothing'} bumped in the lockfile`, 2);
    const importers = repo.targets.filter((target) =>
      target.externals.includes(bumped?.name ?? ''),
    );
    const lockfileExpectedNames = [
      ...new Set(importers.flatMap((target) => [...dependentClosure(repo.targets, target.name)])),
    ].sort();
    const lib = pickMidGraphLib(repo);
    const changedFile = lib.srcs[1] ?? lib.srcs[0] ?? `${lib.name}/src/index.ts`;
    appendFileSync(join(partial, changedFile), '// bench: a one-line change\n');
    commitAll(partial, `bench: change ${changedFile}`, 3);
    const expectedNames = [...dependentClosure(repo.targets, lib.name)].sort();
    return {
      targets,
      files: repo.files.length + 2,
      changedTarget: lib.name,
      changedFile,
      expectedAffected: expectedNames.length,
      expectedNames,
      lockfile,
      lockfileExpectedNames,
    };
  });
}
