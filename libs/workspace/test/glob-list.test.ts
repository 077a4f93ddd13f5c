import picomatch from 'picomatch';
import { describe, expect, it } from 'vitest';
import { listHolds } from '../src/glob-list.ts';
import { mayShareFiles } from '../src/index.ts';

const holds = (list: string[], path: string) =>
  listHolds(list, (pattern) => picomatch(pattern, { dot: true })(path));

describe('a glob list read in order', () => {
  it('holds a path when the last glob matching it is not a negation', () => {
    const list = ['src/**', '!src/**/*.test.ts', 'src/keep.test.ts'];
    expect(holds(list, 'src/a.ts')).toBe(true);
    expect(holds(list, 'src/a.test.ts')).toBe(false);
    expect(holds(list, 'src/keep.test.ts')).toBe(true);
    expect(holds(list, 'lib/a.ts')).toBe(false);
    expect(holds(['!src/**'], 'src/a.ts')).toBe(false);
  });
});

describe('mayShareFiles', () => {
  it('says no only when no file can match both', () => {
    const pairs: [string, string, boolean][] = [
      ['libs/a/src/**', 'libs/a/test/**', false],
      ['libs/a/src/**', 'libs/a/src/**/*.test.ts', true],
      ['libs/a/**', 'libs/a/test/**', true],
      ['libs/a/package.json', 'libs/a/test/**/*.test.ts', false],
      ['libs/a/package.json', 'libs/a/*.json', true],
      ['libs/a/src/**', '**/*.test.ts', true],
      ['libs/a/src/**', '!libs/b/**', false],
    ];
    for (const [a, b, shared] of pairs) {
      expect(mayShareFiles(a, b), `${a} ~ ${b}`).toBe(shared);
      expect(mayShareFiles(b, a), `${b} ~ ${a}`).toBe(shared);
    }
  });
});
