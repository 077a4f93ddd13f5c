import { resolve } from 'node:path';
import { codeFiles, type SourceContext } from './code-sources.ts';
import { commitFiles, initRepository } from './git.ts';
import { packageLock } from './lockfile.ts';
import { pnpmLock, yarnBerryLock, yarnClassicLock } from './other-lockfiles.ts';
import {
  buildJson,
  gitignore,
  rootPackageJson,
  targetPackageJson,
  tsconfigFiles,
  workspaceGlobs,
} from './manifests.ts';
import { modelTargets, type TargetModel } from './model.ts';
import { type ResolvedSynthOptions, resolveSynthOptions } from './options.ts';
import { placeholderFiles } from './placeholder-sources.ts';
import { planTargets } from './plan.ts';
import type { GeneratedFile, SynthOptions, SynthRepo, SynthTarget } from './types.ts';
import { ensureEmptyDir, writeFiles } from './write-files.ts';

/**
 * Writes a synthetic monorepo: a layered DAG of libs with properties on top, a root
 * BUILD.json, optionally npm workspaces mirroring the same graph (for Turborepo and Nx),
 * and one git commit. The same options always produce the same bytes and commit.
 */
export function generateMonorepo(options: SynthOptions): SynthRepo {
  const resolved = resolveSynthOptions(options);
  const dir = resolve(resolved.dir);
  const targets = planTargets(resolved);
  const files = renderRepository(targets, { ...resolved, dir });
  ensureEmptyDir(dir);
  writeFiles(dir, files);
  if (resolved.git) {
    initRepository(dir);
    commitFiles(
      dir,
      files,
      `Synthetic monorepo: ${resolved.targets} targets, seed ${resolved.seed}`,
    );
  }
  return {
    dir,
    targets,
    files: files.map((f) => f.path).sort(),
    layers: resolved.layers,
  };
}

/** The targets and their graph that generateMonorepo would write, without writing. Pure. */
export function planMonorepo(options: SynthOptions): SynthTarget[] {
  return planTargets(resolveSynthOptions(options));
}

/** Every file of the repository, in memory. Pure. */
export function renderRepository(
  targets: readonly SynthTarget[],
  options: ResolvedSynthOptions,
): GeneratedFile[] {
  const byName = new Map(targets.map((t) => [t.name, t]));
  const models = modelTargets(targets, options.seed, options.testsPerTarget);
  const files: GeneratedFile[] = [
    buildJson(targets, options),
    rootPackageJson(targets, options),
    gitignore,
    ...tsconfigFiles(targets, options),
  ];
  const usesExternals = targets.some((t) => t.externals.length > 0);
  if (options.npmWorkspaces || usesExternals) files.push(lockfileOf(targets, options));
  if (options.npmWorkspaces && options.lockfile === 'pnpm') {
    // pnpm reads its workspaces from here, not from package.json.
    const globs = workspaceGlobs.map((glob) => `  - '${glob}'\n`).join('');
    files.push({ path: 'pnpm-workspace.yaml', content: `packages:\n${globs}` });
    // Workspace dependencies are declared by version (as npm and yarn take them).
    files.push({ path: '.npmrc', content: 'link-workspace-packages=true\n' });
  }
  for (const target of targets) {
    const context = sourceContext(target, byName, models, options.testsPerTarget);
    files.push(...(options.code ? codeFiles(context) : placeholderFiles(context)));
    if (options.npmWorkspaces) files.push(targetPackageJson(target, byName));
  }
  return files;
}

function sourceContext(
  target: SynthTarget,
  byName: ReadonlyMap<string, SynthTarget>,
  models: ReadonlyMap<string, TargetModel>,
  testsPerTarget: number,
): SourceContext {
  const depTargets = target.deps.map((dep) => lookup(byName, dep));
  return {
    target,
    model: lookup(models, target.name),
    depTargets,
    depModels: target.deps.map((dep) => lookup(models, dep)),
    testsPerTarget,
  };
}

function lookup<T>(map: ReadonlyMap<string, T>, key: string): T {
  const value = map.get(key);
  if (value === undefined) throw new Error(`synth: internal error, unknown target ${key}`);
  return value;
}

/** The repository's lockfile, of the kind asked for. */
function lockfileOf(targets: readonly SynthTarget[], options: ResolvedSynthOptions): GeneratedFile {
  switch (options.lockfile) {
    case 'npm':
      return packageLock(targets, options);
    case 'yarn-classic':
      return yarnClassicLock(targets);
    case 'yarn-berry':
      return yarnBerryLock(targets, options);
    case 'pnpm':
      return pnpmLock(targets, options);
  }
}
