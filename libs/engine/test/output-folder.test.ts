import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMainlineError, removeInside } from '@mainline/core';
import { makeTempDir } from '@mainline/test-utils';
import { describe, expect, it } from 'vitest';
import { outputFolder } from '../src/index.ts';

describe('outputFolder', () => {
  it('is out/<target> for a plain name', () => {
    expect(outputFolder('/repo/.mainline', 'libs/a')).toBe('/repo/.mainline/out/libs/a');
  });

  it.each(['..', '../..', '../../x', '../bait', '/abs', '.', '', 'a/..', 'a/../..', 'a//b', 'a/'])(
    'refuses %j with unsafePath, and nothing beside the state folder can be deleted through it',
    (name) => {
      const root = makeTempDir('out-folder');
      const state = join(root, '.mainline');
      mkdirSync(join(state, 'out', 'libs', 'a'), { recursive: true });
      mkdirSync(join(root, 'bait'));
      writeFileSync(join(root, 'bait', 'keep'), 'bait');
      let refused: unknown;
      try {
        // What a build does with the folder: replace it, deleting the old one.
        removeInside(join(state, 'out'), outputFolder(state, name));
      } catch (error) {
        refused = error;
      }
      expect(isMainlineError(refused) && refused.code).toBe('unsafePath');
      expect(isMainlineError(refused) && refused.message).toContain(`target '${name}'`);
      expect(readFileSync(join(root, 'bait', 'keep'), 'utf8')).toBe('bait');
      expect(readdirSync(join(state, 'out', 'libs'))).toEqual(['a']);
    },
  );
});
