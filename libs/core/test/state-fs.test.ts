import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MainlineError, makeFolder, moveAside, removeInside } from '../src/index.ts';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A temp folder holding `state/` and, beside it, a `bait/` folder that must survive. */
function sandbox(): { root: string; state: string; bait: string } {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'mainline-core-')));
  made.push(root);
  const state = join(root, 'state');
  const bait = join(root, 'bait');
  mkdirSync(join(state, 'out'), { recursive: true });
  mkdirSync(bait);
  writeFileSync(join(bait, 'keep'), 'bait');
  return { root, state, bait };
}

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return error instanceof MainlineError ? error.code : 'not a MainlineError';
  }
  return undefined;
}

describe('removeInside', () => {
  it('deletes inside its folder and refuses the folder itself and anything outside', () => {
    const { state, bait } = sandbox();
    mkdirSync(join(state, 'out', 'a'));
    removeInside(state, join(state, 'out', 'a'));
    expect(existsSync(join(state, 'out', 'a'))).toBe(false);
    for (const path of [
      state,
      join(state, '..'),
      bait,
      join(state, 'out', '..', '..', 'bait'),
      '/',
    ]) {
      expect(codeOf(() => removeInside(state, path))).toBe('unsafePath');
    }
    expect(readFileSync(join(bait, 'keep'), 'utf8')).toBe('bait');
    expect(existsSync(join(state, 'out'))).toBe(true);
  });
});

describe('moveAside', () => {
  it('renames beside, with a UTC time, never over an earlier copy', () => {
    const { state } = sandbox();
    const db = join(state, 'mainline.db');
    const at = new Date(Date.UTC(2026, 10, 27, 10, 15, 0, 123));
    writeFileSync(db, 'one');
    expect(moveAside(db, at)).toBe(`${db}.damaged-20261127T101500Z`);
    writeFileSync(db, 'two');
    expect(moveAside(db, at)).toBe(`${db}.damaged-20261127T101500Z-1`);
    expect(readFileSync(`${db}.damaged-20261127T101500Z`, 'utf8')).toBe('one');
    expect(readFileSync(`${db}.damaged-20261127T101500Z-1`, 'utf8')).toBe('two');
  });
});

describe('makeFolder', () => {
  it('costs nothing more when the folder exists or can be made', () => {
    const { state } = sandbox();
    expect(makeFolder(state, join(state, 'out'))).toEqual([]);
    expect(makeFolder(state, join(state, 'cache', 'cas'))).toEqual([]);
    expect(lstatSync(join(state, 'cache', 'cas')).isDirectory()).toBe(true);
  });

  it('moves aside a file, a link to a file and a dangling link in the way, keeping them', () => {
    const { root, state } = sandbox();
    writeFileSync(join(state, 'tmp'), 'not a folder');
    const [moved] = makeFolder(state, join(state, 'tmp', 'x'));
    expect(moved?.from).toBe(join(state, 'tmp'));
    expect(moved?.to).toMatch(/tmp\.damaged-\d{8}T\d{6}Z$/);
    expect(readFileSync(moved?.to ?? '', 'utf8')).toBe('not a folder');
    expect(lstatSync(join(state, 'tmp', 'x')).isDirectory()).toBe(true);

    writeFileSync(join(root, 'elsewhere'), 'a file');
    symlinkSync(join(root, 'elsewhere'), join(state, 'cache'));
    expect(makeFolder(state, join(state, 'cache', 'ac'))).toHaveLength(1);
    expect(readFileSync(join(root, 'elsewhere'), 'utf8')).toBe('a file');

    symlinkSync(join(root, 'nowhere'), join(state, 'vitest'));
    expect(makeFolder(state, join(state, 'vitest'))).toHaveLength(1);
    expect(lstatSync(join(state, 'vitest')).isDirectory()).toBe(true);
  });

  it('takes a link to a folder as a folder, and never moves the base or above', () => {
    const { root, state } = sandbox();
    mkdirSync(join(root, 'real-out'));
    rmSync(join(state, 'out'), { recursive: true });
    symlinkSync(join(root, 'real-out'), join(state, 'out'));
    expect(makeFolder(state, join(state, 'out', 'a'))).toEqual([]);
    expect(lstatSync(join(root, 'real-out', 'a')).isDirectory()).toBe(true);

    const file = join(root, 'plain');
    writeFileSync(file, 'x');
    expect(() => makeFolder(file, join(file, 'sub'))).toThrow(/ENOTDIR|EEXIST/);
    expect(readFileSync(file, 'utf8')).toBe('x');
    expect(codeOf(() => makeFolder(state, join(root, 'bait', 'x')))).toBe('unsafePath');
    expect(existsSync(join(root, 'bait', 'x'))).toBe(false);
  });
});
