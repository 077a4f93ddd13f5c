import { globSpecial, oddSegment } from './glob-syntax.ts';
import { compileGlob, comparesStrings, type PathTest, scannedBase } from './glob-matcher.ts';
import { endsLike } from './glob-prefilter.ts';

function testCost(glob: string): number {
  return comparesStrings(glob) ? 1 : 20;
}

// How an entry matches a path known to be its base or inside it.
const plainPath = 0; // the glob is a path: equal to it
const everything = 1; // `base/**`: anything
const relative = 2; // the rest of the glob, against the path relative to base
const wholeGlob = 3; // the whole glob against the whole path

interface Entry<T> {
  readonly glob: string;
  readonly value: T;
  /** The static folder (for a plain path, the file) every match lies in. */
  readonly base: string;
  readonly kind: number;
  /** Where the rest of the glob starts (also where a path's part relative to base starts). */
  readonly restStart: number;
  /** Compiled on first use. */
  relativeTest: PathTest | undefined;
  wholeTest: PathTest | undefined;
  /** Work of one test of each (see `work`), known once compiled. */
  relativeCost: number;
  wholeCost: number;
  /** The next entry with the same base: buckets are chains, not arrays (fewer allocations). */
  next: Entry<T> | undefined;
}

/** An object literal of one fixed shape: the cheapest allocation V8 has. */
function entry<T>(glob: string, value: T, base: string, kind: number, restStart: number): Entry<T> {
  return {
    glob,
    value,
    base,
    kind,
    restStart,
    relativeTest: undefined,
    wholeTest: undefined,
    relativeCost: 1,
    wholeCost: 1,
    next: undefined,
  };
}

/**
 * Globs indexed by their static base folder, so finding the globs that match a path costs
 * a few map lookups (one per parent folder of the path) instead of testing every glob.
 * Matchers are compiled on first use, and a pattern relative to its base (`**\/*.test.ts`)
 * is compiled once for all the targets that share it. Matching agrees with
 * picomatch(glob, { dot: true }) exactly (a test holds the two together). Adding runs for
 * every glob of a 10,000-target workspace on each `affected`, so it allocates little and
 * leaves the scanning to native string searches.
 */
export class GlobIndex<T> {
  private readonly byBase = new Map<string, Entry<T>>();
  private readonly compiled = new Map<string, PathTest>();
  /**
   * Work done so far, for checks that bound theirs: 1 per string comparison, 20 per test
   * by a regular expression (about 1.4 µs for a glob starting with `**` here, 20 times a
   * comparison), 1,000 per glob compiled that way (picomatch, then the first run: ~100 µs).
   */
  work = 0;
  /** Past this much work, lookups stop early (a check then reports itself skipped). */
  workLimit = Number.POSITIVE_INFINITY;

  add(glob: string, value: T): void {
    const added = toEntry(glob, value);
    const head = this.byBase.get(added.base);
    if (head === undefined) {
      this.byBase.set(added.base, added);
    } else {
      added.next = head.next;
      head.next = added;
    }
  }

  /** Calls `visit` for every glob matching `path`; stops early when it returns true. */
  forEachMatch(path: string, visit: (value: T, glob: string) => boolean | undefined): void {
    if (this.visitBucket('', path, visit) || path === '') return;
    for (let i = path.indexOf('/'); i !== -1; i = path.indexOf('/', i + 1)) {
      if (this.visitBucket(path.slice(0, i), path, visit)) return;
    }
    this.visitBucket(path, path, visit);
  }

  /**
   * Calls `visit` for every glob matching `path`, and takes each out of the index: it is
   * never tested again (a check that only asks whether each glob matches something).
   */
  takeMatches(path: string, visit: (value: T) => void): void {
    this.takeFromBucket('', path, visit);
    if (path === '') return;
    for (let i = path.indexOf('/'); i !== -1; i = path.indexOf('/', i + 1)) {
      this.takeFromBucket(path.slice(0, i), path, visit);
    }
    this.takeFromBucket(path, path, visit);
  }

  private takeFromBucket(base: string, path: string, visit: (value: T) => void): void {
    let previous: Entry<T> | undefined;
    for (let entry = this.byBase.get(base); entry !== undefined; entry = entry.next) {
      if (this.work > this.workLimit) return;
      if (!this.matches(entry, path)) {
        previous = entry;
        continue;
      }
      visit(entry.value);
      if (previous !== undefined) previous.next = entry.next;
      else if (entry.next !== undefined) this.byBase.set(base, entry.next);
      else this.byBase.delete(base);
    }
  }

  private visitBucket(
    base: string,
    path: string,
    visit: (value: T, glob: string) => boolean | undefined,
  ): boolean {
    for (let entry = this.byBase.get(base); entry !== undefined; entry = entry.next) {
      if (this.work > this.workLimit) return true;
      if (this.matches(entry, path) && visit(entry.value, entry.glob) === true) return true;
    }
    return false;
  }

  private matches(entry: Entry<T>, path: string): boolean {
    switch (entry.kind) {
      case plainPath:
        this.work++;
        return path === entry.base;
      case everything:
        this.work++;
        return true;
      case relative:
        if (path.length !== entry.base.length) {
          this.work++;
          if (!endsLike(entry.glob, path)) return false; // never compiled for it
          if (entry.relativeTest === undefined) {
            const rest = entry.glob.slice(entry.restStart);
            entry.relativeTest = this.compile(rest);
            entry.relativeCost = testCost(rest);
          }
          this.work += entry.relativeCost;
          return entry.relativeTest(path.slice(entry.restStart));
        }
        break; // the path is the base itself: `a/**` matches `a`, so ask the whole glob
    }
    this.work++;
    if (!endsLike(entry.glob, path)) return false;
    if (entry.wholeTest === undefined) {
      entry.wholeTest = this.compile(entry.glob);
      entry.wholeCost = testCost(entry.glob);
    }
    this.work += entry.wholeCost;
    return entry.wholeTest(path);
  }

  private compile(glob: string): PathTest {
    let test = this.compiled.get(glob);
    if (test === undefined) {
      test = compileGlob(glob);
      this.compiled.set(glob, test);
      if (testCost(glob) > 1) this.work += 1000;
    }
    return test;
  }
}

/**
 * Splits a glob at the folder holding its first special character. When a literal segment
 * is odd, picomatch normalizes it: then picomatch finds the base, and the whole glob is
 * matched. A '!' starting the rest would negate it alone: whole glob too.
 */
function toEntry<T>(glob: string, value: T): Entry<T> {
  const first = glob.search(globSpecial);
  if (first === -1) {
    // A plain path matches itself; '' matches nothing (picomatch would throw).
    if (glob === '' || !oddSegment.test(glob)) return entry(glob, value, glob, plainPath, 0);
    return entry(glob, value, scannedBase(glob), wholeGlob, 0);
  }
  const slash = glob.lastIndexOf('/', first);
  const base = slash === -1 ? '' : glob.slice(0, slash);
  if (slash === 0 || (base !== '' && (oddSegment.test(base) || glob[slash + 1] === '!'))) {
    return entry(glob, value, scannedBase(glob), wholeGlob, 0);
  }
  const restStart = slash + 1;
  const kind = glob.length === restStart + 2 && glob.endsWith('**') ? everything : relative;
  return entry(glob, value, base, kind, restStart);
}
