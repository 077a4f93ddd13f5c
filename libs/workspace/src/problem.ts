import type { JsonPath } from './build-file-json.ts';
import type { ProblemKind } from './problem-kinds.ts';

/**
 * A BUILD.json problem before it has a line and column. Checks name *where* by JSON path
 * (or raw offset) so they stay cheap; positions are computed only for the problems shown.
 */
export interface Problem {
  readonly code: ProblemKind;
  readonly at: ProblemLocation;
  readonly message: Lazy;
  readonly hint: Lazy;
  /** How many problems of its kind this one stands for (1 when absent): "1,000 more...". */
  readonly count?: number;
}

/**
 * Text, or a function making it: a check that can find a problem 200,000 times (a dep
 * listed again and again) makes its text only for the few listed, and a "did you mean"
 * search runs only for those.
 */
export type Lazy = string | (() => string);

export function text(lazy: Lazy): string {
  return typeof lazy === 'string' ? lazy : lazy();
}

export type ProblemLocation =
  /** The value at `path`, or with `key` the property name that holds it. */
  { readonly path: JsonPath; readonly key?: boolean } | { readonly offset: number };

/** How messages name a place in the file: "srcs[0] of target 'libs/a'". */
export function describePath(path: JsonPath): string {
  const [first, name, field, index] = path;
  if (first === undefined) return 'the top level';
  if (first === 'targets' && name !== undefined) {
    if (field === undefined) return `target ${shown(name)}`;
    const where = index === undefined ? `'${field}'` : `${field}[${index}]`;
    return path.length <= 4 ? `${where} of target ${shown(name)}` : shownPath(path);
  }
  if (path.length === 1) return shown(first);
  if (path.length === 2) return `${first}[${name}]`;
  return shownPath(path);
}

function shownPath(path: JsonPath): string {
  return shownText(path.join('.'));
}

/** "a string", "an array", "null": what was found where something else was expected. */
export function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  const type = typeof value;
  return type === 'object' || type === 'undefined' ? `an ${type}` : `a ${type}`;
}

/** A found value as JSON, shortened; arrays and objects by their type (never serialised whole). */
export function quote(value: unknown): string {
  if (typeof value === 'object' && value !== null) return describeType(value);
  const text = typeof value === 'string' ? JSON.stringify(value.slice(0, 61)) : String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

const longest = 80;
/** C0 and C1 control characters: printed raw they could drive the terminal. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
export const controlCharacters = /[\u0000-\u001f\u007f-\u009f]/g;

/**
 * A name, glob or path from the file as messages show it: in single quotes, control
 * characters escaped (`\u001b`), and cut to 80 characters with its length said. What a
 * hostile file holds never reaches the terminal raw, nor a megabyte at a time.
 */
export function shown(text: string | number): string {
  return `'${shownText(String(text))}'`;
}

/** `shown` without the quotes. */
export function shownText(text: string): string {
  const cut = text.length > longest ? text.slice(0, longest - 20) : text;
  const escaped = cut.replace(
    controlCharacters,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return cut === text
    ? escaped
    : `${escaped}... (${text.length.toLocaleString('en-US')} characters)`;
}
