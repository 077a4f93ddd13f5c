import type { Diagnostic } from '@mainline/core';

/** A warning at a place in a manifest (1:1 when the place is unknown). */
export function warning(
  file: string,
  at: { line: number; column: number } | undefined,
  message: string,
  hint: string,
): Diagnostic {
  return { severity: 'warning', file, ...(at ?? { line: 1, column: 1 }), message, hint };
}

/** Where the last of `keys` is in `text`, each searched after the one before (1-based). */
export function locate(
  text: string | undefined,
  ...keys: string[]
): { line: number; column: number } | undefined {
  if (text === undefined) return undefined;
  let at = 0;
  for (const key of keys) {
    const found = text.indexOf(key, at);
    if (found === -1) return undefined;
    at = found;
  }
  const before = text.slice(0, at);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: at - lineStart + 1 };
}
