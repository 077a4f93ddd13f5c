import { describe, expect, it } from 'vitest';
import { failureMessage, locateFailure } from '../../src/vitest/locate-failure.ts';

const root = '/repo';
const testFile = '/repo/libs/a/test/a.test.ts';

describe('failureMessage', () => {
  it('is plain text, naming the error class unless it is a plain or assertion error', () => {
    expect(failureMessage({ message: '\u001b[31mred\u001b[39m', name: 'Error' })).toBe('red');
    expect(failureMessage({ message: 'expected 1 to be 2', name: 'AssertionError' })).toBe(
      'expected 1 to be 2',
    );
    expect(failureMessage({ message: 'x is not a function', name: 'TypeError' })).toBe(
      'TypeError: x is not a function',
    );
    expect(failureMessage({ message: 'TypeError: already named', name: 'TypeError' })).toBe(
      'TypeError: already named',
    );
    expect(failureMessage({})).toBe('unknown error');
  });
});

describe('locateFailure', () => {
  it('prefers the first frame in the test file over frames in helpers and libraries', () => {
    const failure = locateFailure(
      {
        message: 'boom',
        stacks: [
          { file: '/repo/node_modules/lib/index.js', line: 1, column: 1 },
          { file: '/repo/libs/a/src/helper.ts', line: 3, column: 5 },
          { file: `file://${testFile}?v=1`, line: 9, column: 7 },
        ],
      },
      { root, testFile },
    );
    expect(failure).toEqual({
      message: 'boom',
      location: { file: 'libs/a/test/a.test.ts', line: 9, column: 7 },
    });
  });

  it('falls back to the first frame in the repository sources, never in node_modules', () => {
    const failure = locateFailure(
      {
        message: 'boom',
        stacks: [
          { file: '/repo/node_modules/lib/index.js', line: 1, column: 1 },
          { file: '/elsewhere/x.js', line: 1, column: 1 },
          { file: '/repo/libs/a/src/helper.ts', line: 3, column: 5 },
        ],
      },
      { root, testFile },
    );
    expect(failure.location).toEqual({ file: 'libs/a/src/helper.ts', line: 3, column: 5 });
  });

  it('reads the frames of a stack text when vitest did not parse them', () => {
    const stack = [
      'Error: late',
      `    at ${testFile}:3:23`,
      '    at runTest (file:///repo/node_modules/@vitest/runner/dist/index.js:1:2)',
    ].join('\n');
    expect(locateFailure({ message: 'late', stack }, { root, testFile }).location).toEqual({
      file: 'libs/a/test/a.test.ts',
      line: 3,
      column: 23,
    });
  });

  it('reads a parse position from the message, whatever folder the path is relative to', () => {
    const message =
      '[PARSE_ERROR] Expected `}` but found `EOF`\n ╭─[ ../../repo/libs/a/test/a.test.ts:4:1 ]';
    expect(locateFailure({ message }, { root, testFile }).location).toEqual({
      file: 'libs/a/test/a.test.ts',
      line: 4,
      column: 1,
    });
    const other = '[ libs/b/test/b.test.ts:4:1 ]';
    expect(locateFailure({ message: other }, { root, testFile }).location).toBeUndefined();
  });

  it('finds the line importing a module that does not resolve', () => {
    const source = 'import { it } from \'vitest\';\n\nimport { x } from "./gone.ts";\n';
    const message = `Cannot find module './gone.ts' imported from ${testFile}`;
    expect(locateFailure({ message }, { root, testFile, source }).location).toEqual({
      file: 'libs/a/test/a.test.ts',
      line: 3,
      column: 20,
    });
  });

  it('falls back to where the test was declared, then to no location', () => {
    const declaredAt = { line: 12, column: 3 };
    expect(locateFailure({ message: 'x' }, { root, testFile, declaredAt }).location).toEqual({
      file: 'libs/a/test/a.test.ts',
      line: 12,
      column: 3,
    });
    expect(locateFailure({ message: 'x' }, { root, testFile })).toEqual({ message: 'x' });
  });
});
