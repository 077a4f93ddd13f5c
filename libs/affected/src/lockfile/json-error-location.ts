import { positionAt } from '@mainline/core';

/**
 * Describes why `text` is not JSON, as `line L, column C: reason`. V8's messages give
 * an offset only for some errors ("Unexpected token '}', ..." has none); for the others
 * the offset comes from a small validator that stops at the first error.
 */
export function describeJsonError(text: string, error: unknown): string {
  const raw = error instanceof Error ? error.message : String(error);
  const reason = raw
    .replace(/, .*is not valid JSON$/s, '')
    .replace(/ in JSON at position \d+.*$/s, '');
  const reported = / in JSON at position (\d+)/.exec(raw)?.[1];
  const offset = reported === undefined ? firstErrorOffset(text) : Number(reported);
  const { line, column } = positionAt(text, offset);
  return `line ${line}, column ${column}: ${reason}`;
}

const literal = /true|false|null/y;
const number = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
// Control characters in strings are left to V8, whose message locates them.
const string = /"(?:[^"\\]|\\["\\/bfnrt]|\\u[0-9a-fA-F]{4})*"/y;
const whitespace = /[ \t\n\r]*/y;

/** Offset of the first JSON syntax error in `text` (its length if the input ends early). */
export function firstErrorOffset(text: string): number {
  let i = 0;
  const skip = (): void => {
    whitespace.lastIndex = i;
    whitespace.test(text);
    i = whitespace.lastIndex;
  };
  const token = (pattern: RegExp): boolean => {
    pattern.lastIndex = i;
    if (!pattern.test(text)) return false;
    i = pattern.lastIndex;
    return true;
  };
  // Containers still open: true for an object, false for an array. Iterative, so a
  // deeply nested input cannot overflow the stack.
  const open: boolean[] = [];
  for (;;) {
    skip();
    const c = text[i];
    if (c === '{' || c === '[') {
      open.push(c === '{');
      i++;
      skip();
      if (text[i] === (c === '{' ? '}' : ']')) {
        open.pop();
        i++;
      } else {
        if (c === '{') {
          if (!token(string)) return i;
          skip();
          if (text[i] !== ':') return i;
          i++;
        }
        continue;
      }
    } else if (!(token(string) || token(number) || token(literal))) {
      return i;
    }
    // After a value: close containers, or go on after a comma.
    for (;;) {
      skip();
      const inObject = open.at(-1);
      if (inObject === undefined) return i;
      if (text[i] === (inObject ? '}' : ']')) {
        open.pop();
        i++;
        continue;
      }
      if (text[i] !== ',') return i;
      i++;
      skip();
      if (inObject) {
        if (!token(string)) return i;
        skip();
        if (text[i] !== ':') return i;
        i++;
      }
      break;
    }
  }
}
