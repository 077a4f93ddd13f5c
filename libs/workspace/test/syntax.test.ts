import { describe, expect, it } from 'vitest';
import { onlyProblem, problemsOf, short } from './helpers.ts';

describe('malformed JSON', () => {
  it('rejects a trailing comma in an object, at the comma', () => {
    const text = '{\n  "version": 1,\n  "targets": {},\n}\n';
    const problem = onlyProblem(text);
    expect(short(problem)).toBe('3:16 trailing comma is not allowed in JSON');
    expect(problem.hint).toBe('remove the comma after the last element');
    expect(problem.severity).toBe('error');
    expect(problem.file).toBe('BUILD.json');
  });

  it('rejects a trailing comma in an array', () => {
    const text = '{\n  "version": 1,\n  "globalInputs": [".nvmrc", ],\n  "targets": {}\n}';
    expect(short(onlyProblem(text))).toBe('3:28 trailing comma is not allowed in JSON');
  });

  it('rejects comments', () => {
    const line = '{\n  // the targets\n  "version": 1,\n  "targets": {}\n}';
    expect(short(onlyProblem(line))).toBe('2:3 comments are not allowed in JSON');
    const block = '{ "version": /* one */ 1, "targets": {} }';
    expect(short(onlyProblem(block))).toBe('1:14 comments are not allowed in JSON');
  });

  it('rejects single quotes', () => {
    const problem = onlyProblem("{\n  'version': 1\n}");
    expect(short(problem)).toBe('2:3 strings and property names need double quotes');
    expect(problem.hint).toContain('strict JSON');
  });

  it('reports a missing comma once', () => {
    const text = '{\n  "version": 1\n  "targets": {}\n}';
    expect(short(onlyProblem(text))).toBe("3:3 expected ',' between elements");
  });

  it('reports an empty file', () => {
    expect(short(onlyProblem(''))).toBe('1:1 expected a value');
  });

  it('reports an unterminated string and a missing brace', () => {
    expect(problemsOf('{\n  "version": 1,\n  "targets": {"a\n').map(short)).toEqual([
      '3:15 unterminated string',
    ]);
    expect(short(onlyProblem('{"version": 1, "targets": {}'))).toBe(
      "1:29 expected '}' to close the object",
    );
  });

  it('reports unknown words and content after the document', () => {
    expect(short(onlyProblem('{"version": one}'))).toBe("1:13 unexpected 'one'");
    expect(short(onlyProblem('{"version": 1, "targets": {}}}'))).toBe(
      '1:30 unexpected content after the end of the document',
    );
  });

  it('reports syntax errors on different lines together', () => {
    const text = '{\n  // comment\n  "version": 1,\n  "targets": {\n    "a": 1,\n  },\n}';
    expect(problemsOf(text).map(short)).toEqual([
      '2:3 comments are not allowed in JSON',
      '5:11 trailing comma is not allowed in JSON',
      '6:4 trailing comma is not allowed in JSON',
    ]);
  });

  it('counts columns in UTF-16 code units on CRLF files', () => {
    const text = '{\r\n  "targets": {"ü": 1,},\r\n  "version": 1\r\n}';
    expect(short(onlyProblem(text))).toBe('2:21 trailing comma is not allowed in JSON');
  });
});

describe('JSON that only a lenient parser accepts', () => {
  it('points at a no-break space between tokens', () => {
    const problem = onlyProblem('{\n  "version": 1,\u00a0"targets": {}\n}');
    expect(short(problem)).toBe('2:16 unexpected whitespace character U+00A0');
    expect(problem.hint).toContain('replace it with a space');
  });

  it('leaves no-break spaces inside strings alone', () => {
    const text = '{"version": 1, "targets": {"a\u00a0b": {"kind": "lib", "srcs": []}}}\u2003';
    expect(short(onlyProblem(text))).toBe('1:64 unexpected whitespace character U+2003');
  });
});
