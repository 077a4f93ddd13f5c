import { serialize, deserialize } from 'node:v8';
import type { Target, Workspace } from '@mainline/core';
import { describe, expect, it } from 'vitest';
import { compileWorkspace, expandWorkspace, OwnershipIndex, parseBuildFile } from '../src/index.ts';
import { globs, paths, workspace as inMemory } from './glob-grid.ts';

function workspace(
  targets: Record<string, Partial<Target>>,
  globalInputs: string[] = [],
): Workspace {
  const text = JSON.stringify({
    version: 1,
    globalInputs,
    targets: Object.fromEntries(
      Object.entries(targets).map(([name, t]) => [name, { kind: 'lib', srcs: [], ...t }]),
    ),
  });
  return parseBuildFile(text, 'BUILD.json').workspace;
}

const sample = workspace(
  {
    'libs/a': { srcs: ['libs/a/src/**'], tests: ['libs/a/test/**'] },
    'libs/b': { srcs: ['libs/b/**', 'shared/*.ts'], deps: ['libs/a'] },
    'properties/web': {
      kind: 'property',
      srcs: ['properties/web/src/**'],
      entry: 'properties/web/src/main.ts',
      deps: ['libs/b', 'libs/a'],
    },
    docs: { kind: 'tool', srcs: ['**/*.md'] },
    'libs/slow': { srcs: ['libs/slow/**'], timeouts: { file: 600_000 } },
    'libs/slower': { srcs: ['libs/slower/**'], timeouts: { test: 30_000, file: 900_000 } },
  },
  ['tsconfig.json', '.nvmrc'],
);

describe('compileWorkspace / expandWorkspace', () => {
  it('round-trips through v8 serialization to the same workspace', () => {
    const compiled = deserialize(serialize(compileWorkspace(sample)));
    const expanded = expandWorkspace(compiled);
    expect([...expanded.targets.values()]).toEqual([...sample.targets.values()]);
    expect([...expanded.targets.keys()]).toEqual([...sample.targets.keys()]);
    expect(expanded.globalInputs).toEqual(sample.globalInputs);
    expect(expanded.targets.get('libs/b')).toEqual(sample.targets.get('libs/b'));
    expect(expanded.targets.has('nope')).toBe(false);
    expect(expanded.targets.size).toBe(6);
    expect(expanded.targets.get('libs/slower')?.timeouts).toEqual({ test: 30_000, file: 900_000 });
  });

  it('answers ownership exactly as the workspace index does', () => {
    const compiled = OwnershipIndex.fromCompiled(compileWorkspace(sample));
    const direct = OwnershipIndex.build(sample, { indexAfter: 0 });
    const probes = [
      'libs/a/src/x.ts',
      'libs/a/test/x.test.ts',
      'libs/b/README.md',
      'shared/util.ts',
      'shared/deep/util.ts',
      'properties/web/src/main.ts',
      'README.md',
      'tsconfig.json',
      'libs',
      'libs/ab/x.ts',
    ];
    for (const path of probes) {
      expect(compiled.owners(path), path).toEqual(direct.owners(path));
      expect(compiled.isGlobalInput(path), path).toBe(direct.isGlobalInput(path));
    }
  });

  it('agrees with the workspace index on every glob and path of the picomatch grid', () => {
    for (const glob of globs.filter((g) => g !== '')) {
      // A negation takes back from the globs before it; tests win over srcs.
      const srcs = glob.startsWith('!') ? ['**', glob] : [glob];
      const single = inMemory({ t: { srcs, tests: ['**/*.ts', `!${glob.replace(/^!/, '')}`] } });
      const compiled = OwnershipIndex.fromCompiled(compileWorkspace(single));
      const direct = OwnershipIndex.build(single, { indexAfter: Number.POSITIVE_INFINITY });
      for (const path of paths) {
        expect(compiled.owners(path), `${glob} on ${path}`).toEqual(direct.owners(path));
      }
    }
  });
});
