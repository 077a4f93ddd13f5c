import type { JsonPath } from './build-file-json.ts';
import { readString, skipSpace, skipString, skipValue } from './json-scan.ts';
import type { ProblemLocation } from './problem.ts';

export interface Position {
  readonly line: number;
  readonly column: number;
}

/** Where one property of an object is: its name and its value. */
export interface Member {
  readonly keyOffset: number;
  readonly valueOffset: number;
}

/**
 * Turns JSON paths into 1-based line and column, for text JSON.parse accepted. Nothing is
 * built on the happy path; a lookup walks the text from the root, skipping the values it
 * does not enter (no syntax tree: its cost grows with every value of the file, this one
 * with the text before the place asked for). The members of the objects entered are
 * remembered, so the 10,000 keys of `targets` are read once however many problems there are.
 */
export class JsonLocator {
  /** Offsets where lines start, found so far: up to `linesScanned` (lookups are few and early). */
  private readonly lineStarts: number[] = [0];
  private linesScanned = 0;
  private readonly objects = new Map<number, ReadonlyMap<string, Member>>();

  constructor(private readonly text: string) {}

  /** Offset of the top-level value. */
  get rootOffset(): number {
    return skipSpace(this.text, 0);
  }

  locate(at: ProblemLocation): Position {
    return this.position('offset' in at ? at.offset : this.offsetOfPath(at.path, at.key ?? false));
  }

  /**
   * Offset of the value at `path` (or of its property name). When the path does not exist,
   * the name of the deepest property that does, so the problem still points somewhere useful.
   */
  offsetOfPath(path: JsonPath, key: boolean): number {
    let node = this.rootOffset;
    let property: Member | undefined;
    for (const segment of path) {
      const code = this.text.charCodeAt(node);
      let next: number | undefined;
      if (code === 123) {
        const member = this.members(node).get(String(segment));
        if (member !== undefined) {
          property = member;
          next = member.valueOffset;
        }
      } else if (code === 91 && typeof segment === 'number') {
        next = this.element(node, segment);
        property = undefined;
      }
      if (next === undefined) return property?.keyOffset ?? node;
      node = next;
    }
    return key && property !== undefined ? property.keyOffset : node;
  }

  /**
   * The members of the object at `offset` by name, in the order names first appear, each
   * at its last occurrence (what JSON.parse keeps).
   */
  members(offset: number): ReadonlyMap<string, Member> {
    let members = this.objects.get(offset);
    if (members !== undefined) return members;
    const found = new Map<string, Member>();
    const text = this.text;
    let i = skipSpace(text, offset + 1);
    while (i < text.length && text.charCodeAt(i) === 34) {
      const keyEnd = skipString(text, i);
      const valueOffset = skipSpace(text, skipSpace(text, keyEnd) + 1); // past the ':'
      found.set(readString(text, i, keyEnd), { keyOffset: i, valueOffset });
      i = skipSpace(text, skipValue(text, valueOffset));
      if (text.charCodeAt(i) !== 44) break; // ','
      i = skipSpace(text, i + 1);
    }
    members = found;
    this.objects.set(offset, members);
    return members;
  }

  /** Offset of item `index` of the array at `offset`. */
  private element(offset: number, index: number): number | undefined {
    const text = this.text;
    let i = skipSpace(text, offset + 1);
    if (text.charCodeAt(i) === 93) return undefined; // ']'
    for (let n = 0; i < text.length; n++) {
      if (n === index) return i;
      i = skipSpace(text, skipValue(text, i));
      if (text.charCodeAt(i) !== 44) return undefined;
      i = skipSpace(text, i + 1);
    }
    return undefined;
  }

  position(offset: number): Position {
    const starts = this.linesUpTo(offset);
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((starts[middle] ?? 0) <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - (starts[low] ?? 0) + 1 };
  }

  private linesUpTo(offset: number): number[] {
    const text = this.text;
    let i = this.linesScanned;
    while (i <= offset) {
      const newline = text.indexOf('\n', i);
      if (newline === -1) {
        i = text.length + 1;
        break;
      }
      this.lineStarts.push(newline + 1);
      i = newline + 1;
    }
    this.linesScanned = Math.max(this.linesScanned, i);
    return this.lineStarts;
  }
}
