import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMainlineError } from '@mainline/core';
import { describe, expect, it } from 'vitest';
import { generateMonorepo, planMonorepo, type SynthRepo } from '../src/index.ts';
import { readJson, tempDir } from './helpers.ts';

interface BuildJson {
  version: number;
  globalInputs: string[];
  targets: Record<
    string,
    { kind: string; srcs: string[]; tests: string[]; deps: string[]; entry?: string }
  >;
}

function filesOnDisk(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix)).flatMap((entry) => {
    if (entry === '.git') return [];
    const path = prefix ? `${prefix}/${entry}` : entry;
    return statSync(join(dir, path)).isDirectory() ? filesOnDisk(dir, path) : [path];
  });
}

function contentHash(repo: SynthRepo): string {
  const hash = createHash('sha256');
  for (const file of repo.files)
    hash
      .update(file)
      .update('\0')
      .update(readFileSync(join(repo.dir, file)));
  return hash.digest('hex');
}

function git(dir: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: dir, encoding: 'utf8' }).trim();
}

describe('generateMonorepo', () => {
  it('is deterministic for a seed: same targets, bytes and commit', () => {
    const a = generateMonorepo({ dir: tempDir(), targets: 20, seed: 7 });
    const b = generateMonorepo({ dir: tempDir(), targets: 20, seed: 7 });
    const c = generateMonorepo({ dir: tempDir(), targets: 20, seed: 8, git: false });
    expect(b.targets).toEqual(a.targets);
    expect(contentHash(b)).toBe(contentHash(a));
    expect(git(b.dir, 'rev-parse', 'HEAD')).toBe(git(a.dir, 'rev-parse', 'HEAD'));
    expect(c.targets).not.toEqual(a.targets);
  });

  it('draws a layered DAG: deps exist, only to lower layers, properties on top', () => {
    const targets = planMonorepo({ dir: 'unused', targets: 2000, seed: 3 });
    const byName = new Map(targets.map((t) => [t.name, t]));
    expect(targets.filter((t) => t.kind === 'property')).toHaveLength(100);
    const layers = Math.round(Math.log2(1900));
    expect(Math.max(...targets.map((t) => t.layer))).toBe(layers);
    for (let layer = 0; layer < layers; layer++) {
      expect(targets.filter((t) => t.kind === 'lib' && t.layer === layer).length).toBeGreaterThan(
        150,
      );
    }
    for (const target of targets) {
      expect(new Set(target.deps).size).toBe(target.deps.length);
      expect(target.deps.length).toBeLessThanOrEqual(3);
      for (const dep of target.deps) {
        const depTarget = byName.get(dep);
        expect(depTarget, `${target.name} -> ${dep}`).toBeDefined();
        expect(depTarget?.kind).toBe('lib');
        expect(depTarget?.layer).toBeLessThan(target.layer);
      }
      if (target.kind === 'lib' && target.layer > 0) {
        // One dep from the layer right below keeps the graph as deep as asked.
        expect(target.deps.some((dep) => byName.get(dep)?.layer === target.layer - 1)).toBe(true);
      }
      if (target.kind === 'lib' && target.layer === 0) expect(target.deps).toEqual([]);
    }
  });

  it('writes 5 sources, 1 test and a package.json per target, and a matching BUILD.json', () => {
    const repo = generateMonorepo({ dir: tempDir(), targets: 30, seed: 2 });
    const roots = [
      '.gitignore',
      'BUILD.json',
      'package-lock.json',
      'package.json',
      'tsconfig.base.json',
    ];
    expect(repo.files).toHaveLength(30 * 7 + roots.length);
    expect(filesOnDisk(repo.dir).sort()).toEqual(repo.files);
    expect(git(repo.dir, 'ls-files').split('\n').sort()).toEqual(repo.files);
    expect(git(repo.dir, 'status', '--porcelain')).toBe('');
    expect(git(repo.dir, 'rev-parse', '--abbrev-ref', 'HEAD')).toBe('main');

    const build = readJson<BuildJson>(repo.dir, 'BUILD.json');
    expect(build.version).toBe(1);
    expect(build.globalInputs).toEqual(['tsconfig.base.json']);
    expect(Object.keys(build.targets)).toEqual(repo.targets.map((t) => t.name));
    for (const target of repo.targets) {
      const entry = build.targets[target.name];
      expect(entry?.deps).toEqual(target.deps);
      expect(entry?.srcs).toEqual([`${target.name}/src/**`, `${target.name}/package.json`]);
      expect(entry?.tests).toEqual([`${target.name}/test/**/*.test.ts`]);
      expect(entry?.entry).toBe(
        target.kind === 'property' ? `${target.name}/src/main.ts` : undefined,
      );
      expect(target.srcs).toHaveLength(5);
      for (const file of [...target.srcs, ...target.tests])
        expect(file.startsWith(`${target.name}/`)).toBe(true);
      const manifest = readJson<{ name: string; dependencies?: Record<string, string> }>(
        repo.dir,
        `${target.name}/package.json`,
      );
      expect(manifest.name).toBe(`@synth/${target.id}`);
      const workspaceDeps = target.deps
        .map((dep) => `@synth/${dep.slice(dep.indexOf('/') + 1)}`)
        .sort();
      expect(Object.keys(manifest.dependencies ?? {})).toEqual(workspaceDeps);
    }
    expect(readJson<{ workspaces: string[] }>(repo.dir, 'package.json').workspaces).toEqual([
      'libs/*',
      'properties/*',
    ]);
  });

  it('honours filesPerTarget, layers, properties, maxDeps and npmWorkspaces: false', () => {
    const repo = generateMonorepo({
      dir: tempDir(),
      targets: 30,
      filesPerTarget: 2,
      layers: 3,
      properties: 4,
      maxDeps: 1,
      npmWorkspaces: false,
      git: false,
    });
    expect(repo.layers).toBe(3);
    expect(repo.targets.filter((t) => t.kind === 'property')).toHaveLength(4);
    expect(repo.targets.every((t) => t.deps.length <= 1 && t.srcs.length === 2)).toBe(true);
    expect(repo.files.filter((f) => f.endsWith('package.json'))).toEqual(['package.json']);
    expect(repo.files).not.toContain('package-lock.json');
    expect(repo.files).toHaveLength(30 * 3 + 4);
  });

  it('plans exactly what it generates, and keeps the graph when only content options change', () => {
    const repo = generateMonorepo({ dir: tempDir(), targets: 30, git: false });
    expect(planMonorepo({ dir: 'unused', targets: 30 })).toEqual(repo.targets);
    const rich = planMonorepo({
      dir: 'unused',
      targets: 500,
      code: true,
      externalPackages: true,
      npmWorkspaces: false,
    });
    const plain = planMonorepo({ dir: 'unused', targets: 500 });
    expect(rich.map((t) => t.deps)).toEqual(plain.map((t) => t.deps));
    expect(rich.some((t) => t.externals.length > 0)).toBe(true);
  });

  it('refuses a non-empty folder and impossible options with a usage error', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'keep.txt'), 'x');
    const attempts = [
      () => generateMonorepo({ dir, targets: 10 }),
      () => generateMonorepo({ dir: tempDir(), targets: 0 }),
      () => generateMonorepo({ dir: tempDir(), targets: 5, properties: 5 }),
      () => generateMonorepo({ dir: tempDir(), targets: 5, layers: 9 }),
    ];
    for (const attempt of attempts) {
      let caught: unknown;
      try {
        attempt();
      } catch (error) {
        caught = error;
      }
      expect(isMainlineError(caught) && caught.code).toBe('usage');
    }
  });
});
