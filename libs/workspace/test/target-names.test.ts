import { describe, expect, it } from 'vitest';
import { parseBuildFile } from '../src/index.ts';
import { maxSegmentBytes, nameFault } from '../src/name-problems.ts';
import { validate } from '../src/schema/validate.generated.js';
import { buildJson, onlyProblem, problemsOf, short } from './helpers.ts';

/** A BUILD.json with one target of this name (its key on line 4, column 5). */
function withName(name: string): string {
  return buildJson({ [name]: { kind: 'lib', srcs: ['a/**'] } });
}

describe('target names', () => {
  it('refuses each name that is not a folder-like path, at its key, naming the rule', () => {
    const cases: [string, string][] = [
      ['', "target name '' is empty"],
      ['  ', "target name '  ' is blank"],
      ['/abs/x', "target name '/abs/x' is absolute (starts with '/')"],
      ['..', "target name '..' has a '..' segment"],
      ['.', "target name '.' has a '.' segment"],
      ['../..', "target name '../..' has a '..' segment"],
      ['../../../victim', "target name '../../../victim' has a '..' segment"],
      ['libs/../x', "target name 'libs/../x' has a '..' segment"],
      ['libs/./x', "target name 'libs/./x' has a '.' segment"],
      ['a//b', "target name 'a//b' has an empty segment ('//' or a trailing '/')"],
      ['a/', "target name 'a/' has an empty segment ('//' or a trailing '/')"],
      ['libs\\a', "target name 'libs\\a' contains a backslash ('\\')"],
      ['a\u0000b', "target name 'a\\u0000b' contains a control character (U+0000)"],
      ['a\u001b[31m', "target name 'a\\u001b[31m' contains a control character (U+001B)"],
      ['a\u007f', "target name 'a\\u007f' contains a control character (U+007F)"],
      ['a\u009f', "target name 'a\\u009f' contains a control character (U+009F)"],
    ];
    for (const [name, message] of cases) {
      const problem = onlyProblem(withName(name));
      expect(`${short(problem)} ${problem.code}`).toBe(`4:5 ${message} badName`);
      expect(problem.hint).toContain("names are folder-like paths such as 'libs/graph'");
    }
  });

  it('refuses a name inside another, wherever either is declared', () => {
    for (const names of [
      ['libs', 'libs/a'],
      ['libs/a/b', 'libs'],
    ]) {
      const text = buildJson(
        Object.fromEntries(names.map((name) => [name, { kind: 'lib', srcs: [`${name}/**`] }])),
      );
      const problem = onlyProblem(text);
      const inner = names.find((name) => name.includes('/'));
      expect(problem.code).toBe('nestedName');
      expect(problem.message).toBe(
        `target name '${inner}' is inside target 'libs': their outputs would nest (.mainline/out/<name>)`,
      );
    }
    // Sharing a folder is fine; only a whole segment nests.
    const siblings = { 'libs/a': {}, 'libs/ab': {}, 'libs-a': {} };
    const text = buildJson(
      Object.fromEntries(
        Object.keys(siblings).map((name) => [name, { kind: 'lib', srcs: [`${name}/**`] }]),
      ),
    );
    expect(parseBuildFile(text, 'BUILD.json').workspace.targets.size).toBe(3);
  });

  it('suggests the path meant where there is one', () => {
    expect(onlyProblem(withName('/libs/a')).hint).toContain("write 'libs/a'");
    expect(onlyProblem(withName('libs\\a')).hint).toContain("write 'libs/a'");
    expect(onlyProblem(withName('libs//a/')).hint).toContain("write 'libs/a'");
    expect(onlyProblem(withName('../..')).hint).toContain('.mainline/out/<name>');
  });

  it('refuses a segment over 200 UTF-8 bytes, counted in bytes', () => {
    const long = `libs/${'é'.repeat(101)}`; // 202 bytes in 101 characters
    expect(short(onlyProblem(withName(long)))).toMatch(
      /^4:5 target name 'libs\/é+\.\.\. \(106 characters\)' has a segment of 202 bytes \(at most 200\)$/,
    );
    expect(() => parseBuildFile(withName(`libs/${'é'.repeat(100)}`), 'BUILD.json')).not.toThrow();
    expect(() =>
      parseBuildFile(withName(`${'a'.repeat(200)}/${'b'.repeat(200)}`), 'BUILD.json'),
    ).not.toThrow();
    expect(nameFault(`a/${'😀'.repeat(51)}`)?.fault).toBe(
      'has a segment of 204 bytes (at most 200)',
    );
    expect(maxSegmentBytes).toBe(200);
    const deep = `${'a/'.repeat(500)}b`; // 1,001 bytes: a folder path too long to make
    expect(nameFault(deep)?.fault).toBe('is 1,001 bytes long (at most 1,000)');
    expect(nameFault(deep.slice(2))).toBeUndefined();
  });

  it('accepts dots, spaces and non-ASCII inside segments', () => {
    for (const name of [
      'libs/graph',
      '.github',
      'a/..b',
      'a.',
      '...',
      'my lib/ü',
      '@scope/pkg',
      'x:y',
    ]) {
      expect(() => parseBuildFile(withName(name), 'BUILD.json')).not.toThrow();
    }
  });

  it('reports a bad name once, beside its other problems', () => {
    const text = buildJson({ '..': { kind: 'lib', srcs: ['a/**'], deps: ['..'] } });
    expect(problemsOf(text).map(short)).toEqual([
      "4:5 target name '..' has a '..' segment",
      "10:9 target '..' depends on itself",
    ]);
  });

  it('agrees with the schema, which editors check (but for the byte count)', () => {
    const names = [
      'a',
      'libs/graph',
      '',
      ' ',
      '\t',
      '/a',
      'a/',
      'a//b',
      '.',
      '..',
      './a',
      'a/.',
      'a/..',
      '../a',
      'a/../b',
      '.a',
      '..a',
      'a..',
      'a\\b',
      'a\u0001',
      'a\u001f',
      'a\u007f',
      'a\u0080',
      'a\u009f',
      'a\u00a0',
      'a\u2028//b',
      'a\u2028/../b',
      'a\nb',
      ' a',
      'a b',
      '😀',
      'a/😀/.',
    ];
    for (const name of names) {
      const valid = validate({ version: 1, targets: { [name]: { kind: 'lib', srcs: [] } } });
      expect([name, valid]).toEqual([name, nameFault(name) === undefined]);
    }
  });
});
