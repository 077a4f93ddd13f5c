import type { FileChange } from '@mainline/core';
import { TargetGraph } from '@mainline/graph';
import { OwnershipIndex, parseBuildFile } from '@mainline/workspace';
import { describe, expect, it } from 'vitest';
import {
  changedManifestPaths,
  computeAffected,
  explain,
  type LockfileImpact,
  type ManifestTexts,
  unreadableLockfileWarnings,
} from '../src/index.ts';

interface TargetSpec {
  kind?: string;
  srcs?: string[];
  tests?: string[];
  deps?: string[];
  testDeps?: string[];
}

function workspaceOf(targets: Record<string, TargetSpec>, globalInputs: string[] = []) {
  const json = {
    version: 1,
    globalInputs,
    targets: Object.fromEntries(
      Object.entries(targets).map(([name, spec]) => [
        name,
        {
          kind: spec.kind ?? 'lib',
          srcs: spec.srcs ?? [`${name}/src/**`],
          tests: spec.tests ?? [`${name}/test/**`],
          deps: spec.deps ?? [],
          ...(spec.testDeps ? { testDeps: spec.testDeps } : {}),
        },
      ]),
    ),
  };
  const { workspace } = parseBuildFile(JSON.stringify(json, null, 2), 'BUILD.json');
  return { workspace, owners: OwnershipIndex.build(workspace) };
}

const repo = {
  'libs/core': {},
  'libs/ui': { deps: ['libs/core'] },
  'libs/api': { deps: ['libs/core'] },
  'properties/web': { kind: 'property', deps: ['libs/ui'] },
};

function affected(
  changes: FileChange[],
  options: {
    base?: Record<string, TargetSpec>;
    head?: Record<string, TargetSpec>;
    lockfile?: LockfileImpact;
    lockfiles?: Map<string, LockfileImpact>;
    globals?: string[];
    manifests?: Map<string, ManifestTexts>;
  } = {},
) {
  const head = workspaceOf(options.head ?? repo, options.globals);
  const base = options.base ? workspaceOf(options.base, options.globals) : head;
  const graph = TargetGraph.fromTargets(head.workspace.targets.values());
  const outcome = computeAffected({
    base,
    head: { ...head, graph },
    changes,
    ...(options.lockfile ? { lockfile: options.lockfile } : {}),
    ...(options.lockfiles ? { lockfiles: options.lockfiles } : {}),
    ...(options.manifests ? { manifests: options.manifests } : {}),
  });
  return {
    affected: outcome.affected,
    names: outcome.affected.map((t) => t.name),
    reasons: Object.fromEntries(outcome.affected.map((t) => [t.name, t.reasons])),
    unowned: outcome.unowned,
  };
}

describe('computeAffected', () => {
  it('a source change affects the target and its dependents, with reasons', () => {
    const result = affected([{ path: 'libs/core/src/a.ts', status: 'M' }]);
    expect(result.names).toEqual(['libs/api', 'libs/core', 'libs/ui', 'properties/web']);
    expect(result.reasons['libs/core']).toEqual([
      { type: 'file', path: 'libs/core/src/a.ts', role: 'src' },
    ]);
    expect(result.reasons['properties/web']).toEqual([{ type: 'dep', target: 'libs/ui' }]);
  });

  it('a test-only change affects that target alone', () => {
    const result = affected([{ path: 'libs/core/test/a.test.ts', status: 'A' }]);
    expect(result.names).toEqual(['libs/core']);
    expect(result.reasons['libs/core']?.[0]).toMatchObject({ role: 'test' });
  });

  it('a rename affects the old and the new owner; a delete the former owner', () => {
    const renamed = affected([
      { path: 'libs/api/src/x.ts', oldPath: 'libs/ui/src/x.ts', status: 'R' },
    ]);
    expect(renamed.names).toEqual(['libs/api', 'libs/ui', 'properties/web']);
    const deleted = affected([{ path: 'libs/api/src/x.ts', status: 'D' }]);
    expect(deleted.names).toEqual(['libs/api']);
  });

  it('lists unowned files and affects nothing for them', () => {
    const result = affected([{ path: 'docs/readme.md', status: 'M' }]);
    expect(result.names).toEqual([]);
    expect(result.unowned).toEqual(['docs/readme.md']);
  });

  it('a global input affects every target', () => {
    const result = affected([{ path: 'tsconfig.base.json', status: 'M' }], {
      globals: ['tsconfig*.json'],
    });
    expect(result.names).toHaveLength(4);
    expect(result.unowned).toEqual([]);
  });

  it('diffs BUILD.json semantically', () => {
    const changed = { path: 'BUILD.json', status: 'M' } as const;
    expect(affected([changed], { base: repo }).names).toEqual([]);
    expect(affected([changed], { base: repo }).unowned).toEqual([]);
    const added = affected([changed], {
      base: repo,
      head: { ...repo, 'libs/new': { deps: ['libs/core'] } },
    });
    expect(added.names).toEqual(['libs/new']);
    expect(added.reasons['libs/new']).toEqual([{ type: 'added' }]);
    const edited = affected([changed], {
      base: repo,
      head: { ...repo, 'libs/ui': { deps: ['libs/core', 'libs/api'] } },
    });
    expect(edited.names).toEqual(['libs/ui', 'properties/web']);
    const testsOnly = affected([changed], {
      base: repo,
      head: { ...repo, 'libs/core': { tests: ['libs/core/spec/**'] } },
    });
    expect(testsOnly.names).toEqual(['libs/core']);
    expect(testsOnly.reasons['libs/core']).toEqual([{ type: 'entry', part: 'tests' }]);
    const reordered = affected([changed], {
      base: repo,
      head: {
        ...repo,
        'libs/ui': { deps: ['libs/core'], srcs: ['libs/ui/src/**'], tests: ['libs/ui/test/**'] },
      },
    });
    expect(reordered.names).toEqual([]);
    const { 'libs/api': _removed, ...withoutApi } = repo;
    expect(affected([changed], { base: repo, head: withoutApi }).names).toEqual([]);
    const { 'libs/ui': _ui, ...withoutUi } = repo;
    const removedUi = { ...withoutUi, 'properties/web': { kind: 'property', deps: [] } };
    expect(affected([changed], { base: repo, head: removedUi }).names).toEqual(['properties/web']);
  });

  it('an unparsable lockfile affects everything, saying so', () => {
    const result = affected([{ path: 'package-lock.json', status: 'M' }], {
      lockfile: { kind: 'unparsable', message: 'head: Unexpected end of JSON' },
    });
    expect(result.names).toHaveLength(4);
    expect(result.reasons['libs/ui']?.[0]).toMatchObject({ type: 'lockfile-unparsable' });
  });

  it('a lockfile change affects only importers; test importers do not reach dependents', () => {
    const lockfile: LockfileImpact = {
      kind: 'changed',
      importers: [
        { path: 'libs/ui/src/view.ts', package: 'react', from: '18.3.1', to: '19.0.0' },
        { path: 'libs/api/test/api.test.ts', package: 'vitest', from: '3.0.0', to: '4.1.0' },
      ],
    };
    const result = affected([{ path: 'package-lock.json', status: 'M' }], { lockfile });
    expect(result.names).toEqual(['libs/api', 'libs/ui', 'properties/web']);
    expect(result.reasons['libs/ui']).toEqual([
      {
        type: 'lockfile',
        path: 'package-lock.json',
        package: 'react',
        from: '18.3.1',
        to: '19.0.0',
        role: 'src',
      },
    ]);
    expect(result.unowned).toEqual([]);
  });

  it('each changed lockfile is diffed in its own format and named in the reason', () => {
    const lockfiles = new Map<string, LockfileImpact>([
      [
        'yarn.lock',
        {
          kind: 'changed',
          importers: [
            { path: 'libs/ui/src/view.ts', package: 'react', from: '18.3.1', to: '19.0.0' },
          ],
        },
      ],
      ['pnpm-lock.yaml', { kind: 'unparsable', message: 'head: line 3, column 11: bad' }],
    ]);
    const changes = ['yarn.lock', 'pnpm-lock.yaml', 'bun.lockb'].map((path) => ({
      path,
      status: 'M' as const,
    }));
    const result = affected(changes, { lockfiles });
    expect(result.reasons['libs/ui']).toContainEqual({
      type: 'lockfile',
      path: 'yarn.lock',
      package: 'react',
      from: '18.3.1',
      to: '19.0.0',
      role: 'src',
    });
    expect(result.reasons['libs/api']?.[0]).toMatchObject({
      type: 'lockfile-unparsable',
      path: 'pnpm-lock.yaml',
    });
    // A lockfile mainline cannot read stays unowned, and is warned about (see below).
    expect(result.unowned).toEqual(['bun.lockb']);
    expect(unreadableLockfileWarnings(changes, () => false)).toEqual([
      expect.objectContaining({
        file: 'bun.lockb',
        severity: 'warning',
        message:
          "bun.lockb changed, but mainline cannot read bun's lockfile: no target is affected by it",
      }),
    ]);
    expect(unreadableLockfileWarnings(changes, (path) => path === 'bun.lockb')).toEqual([]);
  });
});

describe('computeAffected: a target manifest outside srcs', () => {
  const path = 'libs/core/package.json';
  const manifest = (fields: object): string => JSON.stringify({ name: '@x/core', ...fields });
  const change = (base: object | undefined, head: object | undefined) => {
    const texts = {
      base: base && manifest(base),
      head: head && manifest(head),
    };
    return affected([{ path, status: 'M' }], { manifests: new Map([[path, texts]]) });
  };

  it('a dependency bump affects the target and its dependents, naming the fields', () => {
    const result = change(
      { dependencies: { zod: '3.0.0' } },
      { dependencies: { zod: '3.1.0' }, description: 'x', exports: './src/i.ts' },
    );
    expect(result.names).toEqual(['libs/api', 'libs/core', 'libs/ui', 'properties/web']);
    expect(result.reasons['libs/core']).toEqual([
      { type: 'manifest', path, fields: ['dependencies', 'exports'], role: 'src' },
    ]);
    expect(result.unowned).toEqual([]);
  });

  it('metadata affects nothing; scripts affect the target alone', () => {
    expect(change({ description: 'a' }, { description: 'b', license: 'MIT' }).names).toEqual([]);
    const scripts = change({ scripts: { t: 'a' } }, { scripts: { t: 'b' } });
    expect(scripts.names).toEqual(['libs/core']);
    expect(scripts.reasons['libs/core']).toEqual([
      { type: 'manifest', path, fields: ['scripts'], role: 'test' },
    ]);
  });

  it('a manifest added or broken counts every field', () => {
    expect(change(undefined, { dependencies: {} }).reasons['libs/core']).toEqual([
      { type: 'manifest', path, fields: ['dependencies', 'name'], role: 'src' },
    ]);
    const broken = affected([{ path, status: 'M' }], {
      manifests: new Map([[path, { base: manifest({}), head: '{' }]]),
    });
    expect(broken.reasons['libs/core']?.[0]).toMatchObject({
      fields: ['(not a JSON object)', 'name'],
    });
  });

  it('only the manifests of head targets are read', () => {
    const { workspace } = workspaceOf(repo);
    const changes = [
      { path: 'libs/ui/package.json', oldPath: 'libs/gone/package.json', status: 'R' as const },
      { path: 'libs/core/test/package.json', status: 'A' as const },
    ];
    expect(changedManifestPaths(changes, workspace)).toEqual(['libs/ui/package.json']);
  });
});

describe('computeAffected: test deps', () => {
  // The helpers depend on core, and core's tests use them: no build cycle.
  const withHelpers = {
    'libs/core': { testDeps: ['test/helpers'] },
    'libs/ui': { deps: ['libs/core'] },
    'test/helpers': { deps: ['libs/core'] },
  };

  it('a test dep change affects the target, not its dependents', () => {
    const result = affected([{ path: 'test/helpers/src/repo.ts', status: 'M' }], {
      head: withHelpers,
    });
    expect(result.names).toEqual(['libs/core', 'test/helpers']);
    expect(result.reasons['libs/core']).toEqual([{ type: 'test-dep', target: 'test/helpers' }]);
    const graph = TargetGraph.fromTargets(workspaceOf(withHelpers).workspace.targets.values());
    expect(
      explain(
        'libs/core',
        affected([{ path: 'test/helpers/src/repo.ts', status: 'M' }], {
          head: withHelpers,
        }).affected,
        graph,
      ),
    ).toMatchObject({ chain: ['test/helpers', 'libs/core'], throughTestDep: true });
  });

  it('a changed testDeps list affects the target alone', () => {
    const base = { ...withHelpers, 'libs/core': {} };
    const result = affected([{ path: 'BUILD.json', status: 'M' }], { base, head: withHelpers });
    expect(result.names).toEqual(['libs/core']);
    expect(result.reasons['libs/core']).toEqual([{ type: 'entry', part: 'tests' }]);
  });
});

describe('explain', () => {
  it('follows deps to a change that reaches dependents, not to a test-only one', () => {
    const result = affected([
      { path: 'libs/core/src/a.ts', status: 'M' },
      { path: 'libs/ui/test/ui.test.ts', status: 'M' },
    ]);
    const head = workspaceOf(repo);
    const graph = TargetGraph.fromTargets(head.workspace.targets.values());
    const affectedTargets = Object.entries(result.reasons).map(([name, reasons]) => ({
      name,
      kind: 'lib' as const,
      reasons,
    }));
    const answer = explain('properties/web', affectedTargets, graph);
    expect(answer).toMatchObject({
      affected: true,
      chain: ['libs/core', 'libs/ui', 'properties/web'],
      origin: [{ type: 'file', path: 'libs/core/src/a.ts', role: 'src' }],
    });
    // Asked about libs/ui itself, its own test change is a reason too.
    expect(explain('libs/ui', affectedTargets, graph)).toMatchObject({ chain: ['libs/ui'] });
  });
});
