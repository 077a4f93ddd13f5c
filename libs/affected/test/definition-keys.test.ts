import type { Target } from '@mainline/core';
import { describe, expect, it } from 'vitest';
import { buildDefinitionKey, testDefinitionKey } from '../src/definition-keys.ts';

const base: Target = {
  name: 'a',
  kind: 'lib',
  srcs: ['a/**', 'b/**'],
  tests: ['t/**'],
  deps: ['x', 'y'],
};

describe('definition keys', () => {
  it('ignore list order', () => {
    const reordered = { ...base, srcs: ['b/**', 'a/**'], deps: ['y', 'x'] };
    expect(buildDefinitionKey(reordered)).toBe(buildDefinitionKey(base));
  });

  it('see every field of a target, tests apart from the rest', () => {
    const changes: Partial<Target>[] = [
      { kind: 'tool' },
      { srcs: ['a/**'] },
      { deps: ['x'] },
      { entry: 'a/main.ts' },
    ];
    for (const change of changes) {
      expect(buildDefinitionKey({ ...base, ...change }), JSON.stringify(change)).not.toBe(
        buildDefinitionKey(base),
      );
    }
    const tests = { ...base, tests: ['t/**', 'u/**'] };
    expect(buildDefinitionKey(tests)).toBe(buildDefinitionKey(base));
    expect(testDefinitionKey(tests)).not.toBe(testDefinitionKey(base));
    // Time limits can turn a test red: only the tests see them.
    for (const timeouts of [{ test: 100 }, { file: 100 }, { test: 100, file: 100 }]) {
      const limited = { ...base, timeouts };
      expect(buildDefinitionKey(limited)).toBe(buildDefinitionKey(base));
      expect(testDefinitionKey(limited), JSON.stringify(timeouts)).not.toBe(
        testDefinitionKey(base),
      );
    }
    expect(testDefinitionKey({ ...base, timeouts: { test: 1 } })).not.toBe(
      testDefinitionKey({ ...base, timeouts: { file: 1 } }),
    );
    // A new Target field must be added to one of the keys (and to this test).
    expect(Object.keys({ ...base, entry: 'e', timeouts: {} }).sort()).toEqual([
      'deps',
      'entry',
      'kind',
      'name',
      'srcs',
      'tests',
      'timeouts',
    ]);
  });
});
