import type { Diagnostic } from '@mainline/core';
import { describe, expect, it } from 'vitest';
import { invalidBuildFile as invalid, short } from './helpers.ts';

function targets(count: number, target: (i: number) => unknown): string {
  const all: Record<string, unknown> = {};
  for (let i = 0; i < count; i++) all[`t${i}`] = target(i);
  return JSON.stringify({ version: 1, targets: all }, null, 1);
}

const counted = (d: Diagnostic) => d.omitted !== undefined;

describe('a hostile BUILD.json', () => {
  it('lists five problems of a kind and counts the others, with the total in the message', () => {
    const error = invalid(targets(10_000, (i) => ({ kind: 'lib', srcs: [], deps: [`u${i}`] })));
    expect(error.message).toBe('BUILD.json is invalid (10,000 problems)');
    expect(error.diagnostics.map(short)).toEqual([
      "8:5 target 't0' depends on unknown target 'u0'",
      "15:5 target 't1' depends on unknown target 'u1'",
      "22:5 target 't2' depends on unknown target 'u2'",
      "29:5 target 't3' depends on unknown target 'u3'",
      "36:5 target 't4' depends on unknown target 'u4'",
      '43:5 9,995 more deps on unknown targets not listed, the first of them here',
    ]);
    expect(error.diagnostics.map((d) => d.code)).toEqual(Array(6).fill('unknownDep'));
    expect(error.diagnostics.filter(counted).map((d) => d.omitted)).toEqual([9995]);
    expect(error.diagnostics[0]?.hint).toBe(
      'declare \'u0\' in "targets", or remove it from the deps',
    );
  });

  it('bounds each kind on its own', () => {
    const text = targets(50, (i) => ({ kind: 'lob', srcs: [1], colour: i, deps: [`t${i}`] }));
    const error = invalid(text);
    expect(error.message).toBe('BUILD.json is invalid (200 problems)');
    expect(error.diagnostics.filter(counted).map((d) => [d.code, d.omitted])).toEqual([
      ['unknownKind', 45],
      ['wrongType', 45],
      ['unknownField', 45],
      ['selfDep', 45],
    ]);
    expect(error.diagnostics).toHaveLength(24);
  });

  it('counts a million schema problems without describing each', () => {
    const text = JSON.stringify({
      version: 1,
      targets: { a: { kind: 'lib', srcs: new Array(1_000_000).fill(1) } },
    });
    const error = invalid(text);
    expect(error.message).toBe('BUILD.json is invalid (1,000,000 problems)');
    expect(error.diagnostics.slice(5).map(short)).toEqual([
      '1:61 995 more values of the wrong type not listed, the first of them here',
      '1:2049 999,000 more problems against the schema after this point, past the first 1,000 (not told apart)',
    ]);
  });

  it('spells out a few cycles of a 10,000-target chain, each shortened', () => {
    const text = targets(10_000, (i) => ({
      kind: 'lib',
      srcs: [],
      deps: [`t${(i + 1) % 10_000}`],
    }));
    const error = invalid(text);
    expect(error.diagnostics.map(short)).toEqual([
      '8:5 dependency cycle: t0 -> t1 -> t2 -> t3 -> t4 -> t5 -> (9,992 more) -> t9998 -> t9999 -> t0',
    ]);
  });

  it('counts every cycle closed, listing five', () => {
    const text = targets(1000, (i) => ({
      kind: 'lib',
      srcs: [],
      deps: [`t${(i + 1) % 1000}`, 't0'],
    }));
    const cycles = invalid(text).diagnostics.filter((d) => d.code === 'cycle');
    expect(cycles).toHaveLength(6);
    expect(cycles[5]?.message).toBe(
      '994 more dependency cycles not listed, the first of them here',
    );
  });

  it('reads JSON nested 5,000 deep: a schema problem, or a syntax one when it does not parse', () => {
    const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`;
    expect(
      invalid(`{"version": 1, "targets": {"a": {"kind": "lib", "srcs": ${deep}}}}`).diagnostics.map(
        short,
      ),
    ).toEqual(["1:58 srcs[0] of target 'a' must be a string (found an array)"]);
    expect(invalid(`{"version": ${deep}, "targets": {}}`).diagnostics.map(short)).toEqual([
      "1:13 'version' must be 1 (found an array)",
    ]);
    const truncated = invalid(`{"version": 1, "targets": {"a": ${'['.repeat(5000)}`);
    expect(truncated.diagnostics.map((d) => `${short(d)} ${d.code}`)).toEqual([
      '1:95 arrays and objects nested more than 64 levels deep tooDeep',
      '1:5033 invalid JSON: Unexpected end of JSON input syntax',
    ]);
  });

  it('escapes control characters and shortens long strings in messages', () => {
    const long = `libs/${'x'.repeat(100_000)}`;
    const error = invalid(targets(1, () => ({ kind: 'lib', srcs: [], deps: ['\u001b[2J', long] })));
    expect(error.diagnostics.map((d) => d.message)).toEqual([
      "target 't0' depends on unknown target '\\u001b[2J'",
      `target 't0' depends on unknown target 'libs/${'x'.repeat(55)}... (100,005 characters)'`,
    ]);
  });

  it('refuses a file over 32 MiB unparsed', () => {
    const error = invalid(' '.repeat(32 * 1024 * 1024 + 1));
    expect(error.message).toBe('BUILD.json is too large to read: 32.0 MiB, over 32.0 MiB');
    expect(error.diagnostics.map((d) => d.code)).toEqual(['tooLarge']);
  });
});
