import { parseChunked, type SymlChunks } from './chunked-syml.ts';
import type { Lockfile } from './lockfile.ts';
import { type LockfileFormat, lockfileFormatOf } from './lockfile-files.ts';
import { type LockfileParse, parseLockfile } from './parse-lockfile.ts';
import { pnpmEntries } from './pnpm-lockfile.ts';
import { LockfileShapeError } from './shape.ts';
import { loadParseSyml } from './syml-parser.ts';
import { type WorkspaceManifests, yarnEntries } from './yarn-lockfile.ts';

export interface ReadLockfileOptions {
  /** The other side of a diff, parsed from a similar text: only makes the parse faster. */
  readonly previous?: Lockfile | undefined;
  /** package.json texts by folder: yarn classic's lockfile leaves workspaces out. */
  readonly manifests?: WorkspaceManifests | undefined;
}

/** An absent npm lockfile resolves nothing; comparing against it still works. */
export const emptyLockfile = '{"lockfileVersion":3,"packages":{}}';

const noManifests: WorkspaceManifests = new Map();

/** The parsed chunks of each yarn or pnpm lockfile, for parsing the other side of a diff. */
const chunksOf = new WeakMap<Lockfile, SymlChunks>();

/**
 * Parses the lockfile at `path` (see lockfileFormats) in its own format, or says why it
 * cannot. An absent lockfile (`text` undefined) resolves nothing. The yarn and pnpm
 * parser (@yarnpkg/parsers) is loaded only here, the first time such a lockfile is read
 (see syml-parser.ts).
 */
export function readLockfile(
  path: string,
  text: string | undefined,
  options: ReadLockfileOptions = {},
): LockfileParse {
  const format: LockfileFormat = lockfileFormatOf(path) ?? 'npm';
  if (format === 'npm') return parseLockfile(text ?? emptyLockfile, options.previous);
  if (text === undefined) return { ok: true, lockfile: { lockfileVersion: 0, entries: new Map() } };
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // yarn's parser reads pnpm's YAML too (through js-yaml, every scalar a string), 8 times
  // faster than the yaml package, which took 0.6 s for a 1,000-workspace pnpm-lock.yaml.
  const parseSyml = loadParseSyml();
  const previousChunks =
    options.previous === undefined ? undefined : chunksOf.get(options.previous);
  const chunked = parseChunked(source, parseSyml, previousChunks);
  let data: unknown = chunked?.data;
  if (chunked === undefined) {
    try {
      data = parseSyml(source);
    } catch (error) {
      return { ok: false, message: describeParseError(error) };
    }
  }
  try {
    const entries =
      format === 'yarn' ? yarnEntries(data, options.manifests ?? noManifests) : pnpmEntries(data);
    const lockfile: Lockfile = { lockfileVersion: 0, entries };
    if (chunked !== undefined) chunksOf.set(lockfile, chunked.chunks);
    return { ok: true, lockfile };
  } catch (error) {
    if (error instanceof LockfileShapeError) return { ok: false, message: error.message };
    throw error;
  }
}

/**
 * `line L, column C: reason` from the parser's errors: js-yaml's (mark, 0-based) for YAML,
 * the PEG grammar's (location) for yarn classic, and yaml's (linePos) should it be used.
 */
function describeParseError(error: unknown): string {
  const record = (typeof error === 'object' && error !== null ? error : {}) as {
    message?: unknown;
    reason?: unknown;
    linePos?: readonly { line: number; col: number }[];
    mark?: { line?: number; column?: number };
    location?: { start?: { line?: number; column?: number } };
  };
  const raw = typeof record.reason === 'string' ? record.reason : String(record.message ?? error);
  const reason = (raw.split('\n')[0] ?? raw)
    .replace(/ at line \d+, column \d+:?$/, '')
    .replace(/ \(\d+:\d+\)$/, '')
    .replace(/ \(line \d+, column \d+\)\.?$/, '');
  let line: number | undefined;
  let column: number | undefined;
  const yamlPosition = record.linePos?.[0];
  if (yamlPosition !== undefined) [line, column] = [yamlPosition.line, yamlPosition.col];
  else if (record.mark?.line !== undefined)
    [line, column] = [record.mark.line + 1, (record.mark.column ?? 0) + 1];
  else if (record.location?.start?.line !== undefined)
    [line, column] = [record.location.start.line, record.location.start.column ?? 1];
  if (line === undefined) return reason;
  return `line ${line}, column ${column ?? 1}: ${reason}`;
}
