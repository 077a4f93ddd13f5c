import { describe, expect, it } from 'vitest';
import { formatDiagnostic, isMainlineError, MainlineError } from '../src/index.ts';

describe('MainlineError', () => {
  it('carries code, hint, diagnostics and cause as data', () => {
    const cause = new Error('git exited 128');
    const error = new MainlineError('unknownRef', "unknown ref 'nope'", { hint: 'fetch', cause });
    expect(isMainlineError(error)).toBe(true);
    expect(isMainlineError(cause)).toBe(false);
    expect(error.code).toBe('unknownRef');
    expect(error.hint).toBe('fetch');
    expect(error.cause).toBe(cause);
    expect(error.diagnostics).toEqual([]);
  });

  it('formats diagnostics as file:line:col', () => {
    const text = formatDiagnostic({
      severity: 'error',
      file: 'BUILD.json',
      line: 3,
      column: 7,
      message: 'unknown field',
      hint: 'remove it',
    });
    expect(text).toBe('BUILD.json:3:7: error: unknown field\n  hint: remove it');
  });
});
