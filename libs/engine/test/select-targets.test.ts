import type { Target, Workspace } from '@mainline/core';
import { describe, expect, it } from 'vitest';
import { selectTargets } from '../src/index.ts';

describe('selectTargets', () => {
  it('closes over a target with more deps than a call takes arguments', () => {
    // push(...deps) threw "Maximum call stack size exceeded" past about 120,000 deps.
    const count = 200_000;
    const targets = new Map<string, Target>();
    const names = Array.from({ length: count }, (_, i) => `libs/t${i}`);
    for (const name of names)
      targets.set(name, { name, kind: 'lib', srcs: [], tests: [], deps: [] });
    targets.set('app', { name: 'app', kind: 'property', srcs: [], tests: [], deps: names });
    const workspace: Workspace = { version: 1, globalInputs: [], targets };
    const selected = selectTargets(workspace, { kind: 'names', names: ['app'] });
    expect(selected.asked).toEqual(['app']);
    expect(selected.builds).toHaveLength(count + 1);
  });
});

describe('selectTargets: test deps', () => {
  it('builds the test deps of what it selects, and their deps', () => {
    const target = (name: string, deps: string[], testDeps?: string[]): [string, Target] => [
      name,
      { name, kind: 'lib', srcs: [], tests: [], deps, ...(testDeps ? { testDeps } : {}) },
    ];
    const targets = new Map([
      target('core', [], ['helpers']),
      target('fixtures', []),
      target('helpers', ['core', 'fixtures']),
      target('ui', ['core']),
    ]);
    const workspace: Workspace = { version: 1, globalInputs: [], targets };
    const selected = selectTargets(workspace, { kind: 'names', names: ['core'] });
    expect(selected.asked).toEqual(['core']);
    expect(selected.builds).toEqual(['core', 'fixtures', 'helpers']);
  });
});
