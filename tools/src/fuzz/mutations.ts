import { deriveSeed } from '../synth/rng.ts';
import { createPicker } from './picker.ts';
import { type Draft, structuralOps } from './structural.ts';
import { textualOps } from './textual.ts';

export interface BuildFileMutation {
  readonly index: number;
  /** What was done, e.g. `rename libs/a to "../.." + truncated at 120`. */
  readonly description: string;
  readonly text: string;
}

export interface MutationOptions {
  readonly seed: number;
  /** Size of the large cases: targets added, array lengths (default 10,000). */
  readonly scale?: number;
}

const structural = Object.entries(structuralOps);
const textual = Object.entries(textualOps);

/**
 * Mutation `index` of `base`, a valid BUILD.json: the same seed and index always give the
 * same text, so a failure found in a run of thousands is replayed alone. Six in ten are
 * structural (parsed, changed, written back: hostile names, cycles, odd globs, huge or deep
 * values...), three in ten textual (truncation, replaced or inserted characters, comments...),
 * one in ten both.
 */
export function mutateBuildFile(
  base: string,
  index: number,
  options: MutationOptions,
): BuildFileMutation {
  const pick = createPicker(deriveSeed(options.seed, index));
  const draft: Draft = {
    doc: JSON.parse(base) as Record<string, unknown>,
    raw: new Map(),
    pick,
    scale: options.scale ?? 10_000,
  };
  const done: string[] = [];
  const roll = pick.int(0, 9);
  if (roll < 7) {
    for (let ops = pick.int(1, 2); ops > 0; ops--) {
      const [name, op] = pick.one(structural) as (typeof structural)[number];
      done.push(`${name}: ${op(draft)}`);
    }
  }
  let text = write(draft, pick.one([0, 1, 2]) as number);
  if (roll >= 6) {
    for (let ops = pick.int(1, 2); ops > 0; ops--) {
      const [name, op] = pick.one(textual) as (typeof textual)[number];
      const [changed, what] = op(text, pick);
      text = changed;
      done.push(`${name}: ${what}`);
    }
  }
  return { index, description: done.join(' + '), text };
}

/** JSON.stringify, then each marker string replaced by its raw text. */
function write(draft: Draft, indent: number): string {
  let text = JSON.stringify(draft.doc, null, indent);
  for (const [key, raw] of draft.raw) {
    // A marker used as a key and value stands for a whole property; as a value, for a value.
    text = text.replace(new RegExp(`"${key}":\\s*"${key}"`), raw).replace(`"${key}"`, raw);
  }
  return `${text}\n`;
}
