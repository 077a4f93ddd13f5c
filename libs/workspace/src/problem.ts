import type { JsonPath } from './build-file-json.ts';

/**
 * A BUILD.json problem before it has a line and column. Checks name *where* by JSON path
 * (or raw offset) so they stay cheap; positions are computed only when there is something
 * to report, by the lazily built syntax tree.
 */
export interface Problem {
  readonly at: ProblemLocation;
  readonly message: string;
  readonly hint: string;
}

export type ProblemLocation =
  /** The value at `path`, or with `key` the property name that holds it. */
  { readonly path: JsonPath; readonly key?: boolean } | { readonly offset: number };

/** How messages name a place in the file: "srcs[0] of target 'libs/a'". */
export function describePath(path: JsonPath): string {
  const [first, name, field, index] = path;
  if (first === undefined) return 'the top level';
  if (first === 'targets' && name !== undefined) {
    if (field === undefined) return `target '${name}'`;
    const where = index === undefined ? `'${field}'` : `${field}[${index}]`;
    return path.length <= 4 ? `${where} of target '${name}'` : path.join('.');
  }
  if (path.length === 1) return `'${first}'`;
  if (path.length === 2) return `${first}[${name}]`;
  return path.join('.');
}

/** "a string", "an array", "null": what was found where something else was expected. */
export function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  const type = typeof value;
  return type === 'object' || type === 'undefined' ? `an ${type}` : `a ${type}`;
}

export function quote(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
