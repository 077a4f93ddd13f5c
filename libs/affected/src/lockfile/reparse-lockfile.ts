import type { LockEntry } from './lock-entry.ts';
import type { Lockfile } from './lockfile.ts';
import { type PackagesLayout, splitPackages } from './packages-layout.ts';
import { readEntry } from './packages-map.ts';
import { isJsonObject, LockfileShapeError } from './shape.ts';

/**
 * The text each parsed lockfile came from, so a later parse of a similar text (the other
 * side of a diff) can take unchanged entries from it instead of parsing them again.
 */
const sourceTexts = new WeakMap<Lockfile, string>();
const verifiedChunks = new WeakMap<Lockfile, Map<string, ReusableChunk> | null>();

interface ReusableChunk {
  readonly text: string;
  readonly entry: LockEntry;
}

export function rememberSource(lock: Lockfile, text: string): void {
  sourceTexts.set(lock, text);
}

// The one member put in place of the body: finding it under `packages` proves the body
// sits there (and not, say, in a nested object that merely looks like it).
const placeholderKey = '\u0000mainline-packages-body';
const placeholder = `${JSON.stringify(placeholderKey)}: 0`;

/**
 * Parses `text` like parseLockfile(), taking from `previous` each entry whose text is
 * unchanged, or returns undefined when that is not sure to give the same result (not
 * npm's layout, an error anywhere: the caller then parses the whole text). It is sure
 * when the text around the `packages` body parses with the body replaced by one
 * member, and each chunk of the body is either the very text of a verified entry of
 * `previous` or parses on its own: then the chunks are balanced members, so the whole
 * text is valid JSON whose `packages` members are exactly these.
 */
export function reparseLockfile(text: string, previous: Lockfile): Lockfile | undefined {
  const known = reusableChunks(previous);
  const layout = known === undefined ? undefined : splitPackages(text);
  if (known === undefined || layout === undefined) return undefined;
  const lockfileVersion = skeletonVersion(layout);
  if (lockfileVersion === undefined) return undefined;
  const entries = new Map<string, LockEntry>();
  for (const chunk of layout.chunks) {
    const same = chunk.key === undefined ? undefined : known.get(chunk.key);
    if (same !== undefined && same.text === chunk.text && chunk.key !== undefined) {
      entries.set(chunk.key, same.entry);
      continue;
    }
    try {
      const members: unknown = JSON.parse(`{${chunk.text}}`);
      if (!isJsonObject(members)) return undefined;
      for (const key in members) entries.set(key, readEntry(key, members[key]));
    } catch (error) {
      if (error instanceof SyntaxError || error instanceof LockfileShapeError) return undefined;
      throw error;
    }
  }
  return { lockfileVersion, entries };
}

function skeletonVersion(layout: PackagesLayout): 2 | 3 | undefined {
  let skeleton: unknown;
  try {
    skeleton = JSON.parse(`${layout.before}${placeholder}${layout.after}`);
  } catch {
    return undefined;
  }
  if (!isJsonObject(skeleton) || !isJsonObject(skeleton.packages)) return undefined;
  const keys = Object.keys(skeleton.packages);
  if (keys.length !== 1 || keys[0] !== placeholderKey) return undefined;
  const version = skeleton.lockfileVersion;
  return version === 2 || version === 3 ? version : undefined;
}

/**
 * `previous`'s entries by key with their text, when its text splits into exactly its
 * entries, in order, each chunk starting with the entry's key and ending its object;
 * else undefined. A layout that only looks like npm's (a nested line that looks like a
 * separator) adds a chunk, which these checks refuse. Computed once per lockfile.
 */
function reusableChunks(previous: Lockfile): Map<string, ReusableChunk> | undefined {
  const cached = verifiedChunks.get(previous);
  if (cached !== undefined) return cached ?? undefined;
  const text = sourceTexts.get(previous);
  const layout = text === undefined ? undefined : splitPackages(text);
  let chunks: Map<string, ReusableChunk> | null = null;
  if (layout !== undefined && layout.chunks.length === previous.entries.size) {
    chunks = new Map();
    let index = 0;
    for (const [key, entry] of previous.entries) {
      const chunk = layout.chunks[index++];
      if (chunk === undefined || chunk.key !== key || !chunk.text.endsWith('}')) {
        chunks = null;
        break;
      }
      chunks.set(key, { text: chunk.text, entry });
    }
  }
  verifiedChunks.set(previous, chunks);
  return chunks ?? undefined;
}
