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
    // The test command decides what runs: its command, report and folder.
    const jest: Target = { ...base, testRunner: { command: ['npx', 'jest', '--ci'] } };
    expect(buildDefinitionKey(jest)).toBe(buildDefinitionKey(base));
    expect(testDefinitionKey(jest)).not.toBe(testDefinitionKey(base));
    for (const testRunner of [
      { command: ['npx', 'jest'] },
      { command: ['npx', 'jest', '--ci'], junit: 'junit.xml' },
      { command: ['npx', 'jest', '--ci'], cwd: 'b' },
    ]) {
      expect(testDefinitionKey({ ...base, testRunner }), JSON.stringify(testRunner)).not.toBe(
        testDefinitionKey(jest),
      );
    }
    // Its folder defaults to the target's name.
    const named = { ...base, testRunner: { command: ['npx', 'jest', '--ci'], cwd: 'a' } };
    expect(testDefinitionKey(named)).toBe(testDefinitionKey(jest));
    // A new Target field must be added to one of the keys (and to this test).
    expect(Object.keys({ ...base, entry: 'e', timeouts: {}, testRunner: {} }).sort()).toEqual([
      'deps',
      'entry',
      'kind',
      'name',
      'srcs',
      'testRunner',
      'tests',
      'timeouts',
    ]);
  });

  it('count the tests globs that may share files with the srcs in the build: a tests match wins', () => {
    const natural: Target = { ...base, srcs: ['a/src/**'], tests: ['a/src/**/*.test.ts'] };
    // Which files are tests decides which files the build sees.
    expect(buildDefinitionKey({ ...natural, tests: ['a/src/**/*.spec.ts'] })).not.toBe(
      buildDefinitionKey(natural),
    );
    expect(buildDefinitionKey({ ...natural, tests: ['**/*.test.ts'] })).not.toBe(
      buildDefinitionKey(natural),
    );
    // A tests folder apart from the srcs cannot take a file from the build.
    const apart: Target = { ...base, srcs: ['a/src/**'], tests: ['a/test/**'] };
    expect(buildDefinitionKey({ ...apart, tests: ['a/test/**', 'a/e2e/**'] })).toBe(
      buildDefinitionKey(apart),
    );
    expect(buildDefinitionKey(apart)).toBe(buildDefinitionKey({ ...apart, tests: [] }));
    // A manifest listed in srcs is one file: a tests folder beside it shares nothing with it.
    const manifest: Target = { ...apart, srcs: ['a/src/**', 'a/package.json'] };
    expect(buildDefinitionKey({ ...manifest, tests: ['a/test/**/*.test.ts'] })).toBe(
      buildDefinitionKey({ ...manifest, tests: [] }),
    );
    expect(buildDefinitionKey({ ...manifest, tests: ['a/*.json'] })).not.toBe(
      buildDefinitionKey({ ...manifest, tests: [] }),
    );
  });

  it('keep the order of a list with a negation, which then means something', () => {
    const negated: Target = { ...base, srcs: ['a/**', '!a/x.ts'], tests: ['t/**', '!t/y.ts'] };
    const swapped: Target = { ...base, srcs: ['!a/x.ts', 'a/**'], tests: ['!t/y.ts', 't/**'] };
    expect(buildDefinitionKey(swapped)).not.toBe(buildDefinitionKey(negated));
    expect(testDefinitionKey(swapped)).not.toBe(testDefinitionKey(negated));
  });
});
