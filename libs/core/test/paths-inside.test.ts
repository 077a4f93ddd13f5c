import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { childPath, isInside, MainlineError } from '../src/index.ts';

describe('childPath', () => {
  const folder = '/state/out';

  it('joins a canonical relative name', () => {
    expect(childPath(folder, 'libs/a', 'target')).toBe(join(folder, 'libs/a'));
    expect(childPath(folder, '..a/b..', 'target')).toBe(join(folder, '..a/b..'));
  });

  it.each([
    '',
    '.',
    '..',
    '../..',
    '../../x',
    'a/../..',
    'a/..',
    'a/../b',
    './a',
    'a/.',
    '/abs',
    '/state/out/a',
    'a//b',
    'a/',
    'a\\..\\..',
    'a\0b',
  ])('refuses %j with unsafePath', (name) => {
    let thrown: unknown;
    try {
      childPath(folder, name, 'target');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(MainlineError);
    expect((thrown as MainlineError).code).toBe('unsafePath');
    expect((thrown as MainlineError).message).toContain(`target '${name}'`);
  });
});

describe('isInside', () => {
  it('is strict and lexical', () => {
    expect(isInside('/s', '/s/a')).toBe(true);
    expect(isInside('/s', '/s/..a')).toBe(true);
    expect(isInside('/s', '/s')).toBe(false);
    expect(isInside('/s', '/s/a/../..')).toBe(false);
    expect(isInside('/s', '/sx/a')).toBe(false);
    expect(isInside('/s/', '/')).toBe(false);
  });
});
