import { type Diagnostic, isMainlineError, type MainlineError } from '@mainline/core';
import { expect } from 'vitest';
import { parseBuildFile } from '../src/index.ts';

/** The error of an invalid BUILD.json, failing the test when it parses. */
export function invalidBuildFile(text: string): MainlineError {
  try {
    parseBuildFile(text, 'BUILD.json');
  } catch (error) {
    if (!isMainlineError(error)) throw error;
    expect(error.code).toBe('buildFileInvalid');
    return error;
  }
  throw new Error('expected BUILD.json to be invalid');
}

/** Diagnostics of an invalid BUILD.json, failing the test when it parses. */
export function problemsOf(text: string): readonly Diagnostic[] {
  return invalidBuildFile(text).diagnostics;
}

/** The one diagnostic of an invalid BUILD.json, as `line:col message`. */
export function onlyProblem(text: string): Diagnostic {
  const problems = problemsOf(text);
  expect(problems.map(short)).toHaveLength(1);
  return problems[0] as Diagnostic;
}

export function short(d: Diagnostic): string {
  return `${d.line}:${d.column} ${d.message}`;
}

/** A BUILD.json text, pretty-printed as people write it. */
export function buildJson(
  targets: Record<string, unknown>,
  extra: Record<string, unknown> = {},
): string {
  return `${JSON.stringify({ version: 1, ...extra, targets }, null, 2)}\n`;
}
