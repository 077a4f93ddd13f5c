import type { JsonObject } from './shape.ts';

/** The parser of yarn's format and of YAML (@yarnpkg/parsers' parseSyml). */
export type ParseSyml = (source: string) => unknown;

/** Parsed chunks of a lockfile's text by chunk text, for the other side of a diff. */
export type SymlChunks = ReadonlyMap<string, JsonObject>;

export interface ChunkedParse {
  readonly data: JsonObject;
  readonly chunks: SymlChunks;
}

// yarn 1's header, which makes parseSyml read a text in yarn 1's format.
const legacyHeader = /^(#.*(\r?\n))*?#\s+yarn\s+lockfile\s+v1\r?\n/i;

/**
 * yarn.lock and pnpm-lock.yaml as their tools write them: top-level entries (yarn's blocks,
 * pnpm's sections) at column 0 and pnpm's entries at column 2, each followed by a blank
 * line. Parsed one chunk (the text between blank lines) at a time, which js-yaml does 2 to
 * 3 times faster than the whole text, and a chunk that `previous` (the other side of a
 * diff) holds is not parsed again. Undefined when the text is not laid out so, or a chunk
 * does not parse: the caller then parses the whole text, which gives the same data (or the
 * error with its line and column).
 */
export function parseChunked(
  source: string,
  parseSyml: ParseSyml,
  previous: SymlChunks | undefined,
): ChunkedParse | undefined {
  if (source.includes('\r')) return undefined;
  const legacy = legacyHeader.exec(source)?.[0];
  const chunks = new Map<string, JsonObject>();
  const data: Record<string, unknown> = {};
  let section: Record<string, unknown> | undefined;
  for (const raw of source.split('\n\n')) {
    const text = raw.replace(/^\n+/, '');
    if (text === '' || (legacy !== undefined && text === legacy.replace(/\n$/, ''))) continue;
    const nested = text.startsWith('  ');
    if (nested ? text.charCodeAt(2) <= 32 || section === undefined : text.charCodeAt(0) <= 32)
      return undefined;
    let parsed = previous?.get(text) ?? chunks.get(text);
    if (parsed === undefined) {
      const body = nested ? dedent(text) : text;
      if (body === undefined) return undefined;
      let value: unknown;
      try {
        value = parseSyml(legacy === undefined ? body : `${legacy}${body}`);
      } catch {
        return undefined;
      }
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
      parsed = value as JsonObject;
    }
    chunks.set(text, parsed);
    const into = nested ? section : data;
    if (into === undefined) return undefined;
    for (const key of Object.keys(parsed)) {
      if (key === '__proto__' || Object.hasOwn(into, key)) return undefined;
      into[key] = parsed[key];
    }
    if (!nested) {
      // pnpm's sections (`packages:`) are followed by their entries, at column 2.
      const keys = Object.keys(parsed);
      const last = keys[keys.length - 1];
      const value = last === undefined ? undefined : parsed[last];
      section = undefined;
      if (
        last !== undefined &&
        (value === null || (typeof value === 'object' && !Array.isArray(value)))
      ) {
        section = { ...(value ?? {}) };
        data[last] = section;
      }
    }
  }
  return { data, chunks };
}

/** The text without the two spaces every line starts with, or undefined if one does not. */
function dedent(text: string): string | undefined {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line === '') continue;
    if (!line.startsWith('  ')) return undefined;
    lines[i] = line.slice(2);
  }
  return lines.join('\n');
}
