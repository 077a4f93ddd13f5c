/**
 * Allocation-free steps over JSON text, for finding where things are without building a
 * syntax tree (one node per value: a second and hundreds of megabytes for a hostile file of
 * a million values). Every step is iterative, so no nesting overflows the stack, and always
 * advances, so even text JSON.parse rejected cannot make it loop.
 */

const quote = 34;
const backslash = 92;

export function isSpace(code: number): boolean {
  return code === 32 || code === 10 || code === 13 || code === 9;
}

export function skipSpace(text: string, i: number): number {
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  return i;
}

/** From the opening quote of a string to just after its closing one. */
export function skipString(text: string, start: number): number {
  let end = text.indexOf('"', start + 1);
  while (end !== -1 && isEscaped(text, end)) end = text.indexOf('"', end + 1);
  return end === -1 ? text.length : end + 1;
}

function isEscaped(text: string, at: number): boolean {
  let backslashes = 0;
  while (text.charCodeAt(at - 1 - backslashes) === backslash) backslashes++;
  return backslashes % 2 === 1;
}

/** From the first character of a value to just after its last. */
export function skipValue(text: string, start: number): number {
  const first = text.charCodeAt(start);
  if (first === quote) return skipString(text, start);
  if (first !== 123 && first !== 91) return skipScalar(text, start);
  let depth = 0;
  let i = start;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code === quote) {
      i = skipString(text, i);
      continue;
    }
    i++;
    if (code === 123 || code === 91) depth++;
    else if ((code === 125 || code === 93) && --depth === 0) break;
  }
  return i;
}

/** A number, true, false or null: up to the next delimiter. */
function skipScalar(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code === 44 || code === 125 || code === 93 || code === 58 || isSpace(code)) break;
    i++;
  }
  return i;
}

/** The string whose opening quote is at `start`, decoded. */
export function readString(text: string, start: number, end: number): string {
  const raw = text.slice(start + 1, end - 1);
  if (!raw.includes('\\')) return raw;
  try {
    return JSON.parse(text.slice(start, end)) as string;
  } catch {
    return raw;
  }
}

/**
 * Offset of the first `[` or `{` that opens a level deeper than `limit`, or -1. Strings
 * are skipped whole; works on any text, valid JSON or not.
 */
export function tooDeepAt(text: string, limit: number): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === quote) i = skipString(text, i) - 1;
    else if (code === 123 || code === 91) {
      if (++depth > limit) return i;
    } else if ((code === 125 || code === 93) && depth > 0) depth--;
  }
  return -1;
}
