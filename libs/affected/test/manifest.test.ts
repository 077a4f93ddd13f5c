import { describe, expect, it } from 'vitest';
import { manifestKeys } from '../src/manifest.ts';

describe('manifestKeys', () => {
  const keys = (fields: object) => manifestKeys(JSON.stringify(fields));

  it('puts scripts in the test part, metadata nowhere, the rest in the build part', () => {
    const base = keys({ name: 'a', dependencies: { x: '1' }, scripts: { t: 'a' } });
    expect(
      keys({ name: 'a', dependencies: { x: '1' }, scripts: { t: 'a' }, license: 'MIT' }),
    ).toEqual(base);
    expect(keys({ name: 'a', dependencies: { x: '1' }, scripts: { t: 'b' } }).build).toBe(
      base.build,
    );
    expect(keys({ name: 'a', dependencies: { x: '1' }, scripts: { t: 'b' } }).test).not.toBe(
      base.test,
    );
    expect(keys({ name: 'a', dependencies: { x: '2' }, scripts: { t: 'a' } }).build).not.toBe(
      base.build,
    );
  });

  it('ignores field order but not the order within a field', () => {
    const exports = { '.': { import: './a.ts', default: './b.ts' } };
    expect(keys({ exports, name: 'a' })).toEqual(keys({ name: 'a', exports }));
    const swapped = { '.': { default: './b.ts', import: './a.ts' } };
    expect(keys({ name: 'a', exports: swapped }).build).not.toBe(
      keys({ name: 'a', exports }).build,
    );
  });

  it('tells an absent manifest from an empty or broken one', () => {
    expect(manifestKeys(undefined)).toEqual(manifestKeys('{}'));
    expect(manifestKeys('{').build).not.toBe(manifestKeys(undefined).build);
  });
});
