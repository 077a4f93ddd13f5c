import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { hasTrueTrailer, parseTrailers, trailerValue } from '../src/index.ts';

describe("trailers, by git's rules", () => {
  it('reads the last paragraph of Key: value lines', () => {
    const message =
      'Fix the parser\n\nLonger body.\n\nNo-Auto-Revert: true\nReviewed-by: Ann <ann@x>\n';
    expect(parseTrailers(message)).toEqual([
      { key: 'No-Auto-Revert', value: 'true' },
      { key: 'Reviewed-by', value: 'Ann <ann@x>' },
    ]);
  });

  it('compares keys without case, values as given; the last one wins', () => {
    const message = 'Subject\n\nno-auto-revert: TRUE\n';
    expect(trailerValue(message, 'No-Auto-Revert')).toBe('TRUE');
    expect(hasTrueTrailer(message, 'NO-AUTO-REVERT')).toBe(true);
    expect(trailerValue('Subject\n\nA: 1\na: 2\n', 'A')).toBe('2');
    expect(hasTrueTrailer('Subject\n\nNo-Auto-Revert: yes\n', 'No-Auto-Revert')).toBe(false);
  });

  it('never reads the title paragraph, nor a paragraph that is not the last', () => {
    expect(parseTrailers('No-Auto-Revert: true\n')).toEqual([]);
    expect(parseTrailers('No-Auto-Revert: true\nsecond title line\n')).toEqual([]);
    expect(parseTrailers('Subject\n\nNo-Auto-Revert: true\n\nA closing remark.\n')).toEqual([]);
  });

  it('refuses a block with prose, unless git wrote a line of it and a quarter are trailers', () => {
    expect(parseTrailers('Subject\n\nSome prose here.\nNo-Auto-Revert: true\n')).toEqual([]);
    const signed = 'Subject\n\nprose one\nprose two\nprose three\nSigned-off-by: Bo <bo@x>\n';
    expect(parseTrailers(signed)).toEqual([{ key: 'Signed-off-by', value: 'Bo <bo@x>' }]);
    const tooMuchProse = 'Subject\n\np1\np2\np3\np4\nSigned-off-by: Bo <bo@x>\n';
    expect(parseTrailers(tooMuchProse)).toEqual([]);
  });

  it('joins indented continuation lines, allows blanks before the colon, skips comments', () => {
    const message = 'Subject\n\nNote: a long\n  value here\nKey : spaced\n# a comment\n\n\n';
    expect(parseTrailers(message)).toEqual([
      { key: 'Note', value: 'a long value here' },
      { key: 'Key', value: 'spaced' },
    ]);
  });

  it('takes a token of letters, digits and dashes only', () => {
    expect(parseTrailers('Subject\n\nNot a: trailer\n')).toEqual([]);
    // As git reads it: `http` is a token.
    expect(parseTrailers('Subject\n\nhttp://example.com\n')).toEqual([
      { key: 'http', value: '//example.com' },
    ]);
    expect(parseTrailers('Subject\r\n\r\nNo-Auto-Revert: true\r\n')).toEqual([
      { key: 'No-Auto-Revert', value: 'true' },
    ]);
  });

  it('agrees with git interpret-trailers on every case above and more', () => {
    const messages = [
      'Fix the parser\n\nLonger body.\n\nNo-Auto-Revert: true\nReviewed-by: Ann <ann@x>\n',
      'Subject\n\nno-auto-revert: TRUE\n',
      'No-Auto-Revert: true\n',
      'Subject\n\nNo-Auto-Revert: true\n\nA closing remark.\n',
      'Subject\n\nSome prose here.\nNo-Auto-Revert: true\n',
      'Subject\n\nprose one\nprose two\nprose three\nSigned-off-by: Bo <bo@x>\n',
      'Subject\n\np1\np2\np3\np4\nSigned-off-by: Bo <bo@x>\n',
      'Subject\n\nNote: a long\n  value here\nKey : spaced\n# a comment\n\n\n',
      'Subject\n\nNot a: trailer\n',
      'Subject\n\nhttp://example.com\n',
      'Subject\n\n  indented: first\nA: b\n',
      'Subject\n\n(cherry picked from commit abc)\nprose\nX-Y: z\n',
      'Subject\nsecond line\n\nA: b\n',
      'Subject\n\nA:no space\nB:\n',
    ];
    for (const message of messages) {
      const git = spawnSync('git', ['interpret-trailers', '--parse'], {
        input: message,
        encoding: 'utf8',
      });
      expect(git.status).toBe(0);
      const expected = git.stdout
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => {
          const colon = line.indexOf(':');
          return { key: line.slice(0, colon), value: line.slice(colon + 1).trim() };
        });
      expect(parseTrailers(message), JSON.stringify(message)).toEqual(expected);
    }
  });
});
