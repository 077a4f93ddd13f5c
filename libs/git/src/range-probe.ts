/**
 * A range asked for before the repository is opened: resolved, with its merge-base and
 * blob ids at head, by the same `git rev-parse` that finds the work tree. Every git
 * process costs ~5 ms on the hot path of `affected`, and this one answers what used to
 * take three.
 */
export interface RangeProbe {
  readonly base: string;
  readonly head: string;
  /** Root-relative paths whose blob ids at head are wanted; a missing one fails the probe. */
  readonly paths: readonly string[];
}

export interface ProbedRange {
  readonly base: string;
  readonly head: string;
  /** The one merge-base of base and head. */
  readonly mergeBase: string;
  /** Blob (or tree) ids at head, by path. */
  readonly objects: ReadonlyMap<string, string>;
}

/**
 * Refs simple enough for `BASE^{commit}...HEAD^{commit}` to mean exactly that: no
 * range or path syntax (`..`, `:`), nothing git could take for an option, and none of
 * the suffixes that name several commits (`^@`, `^!`, `^-`). Anything else is resolved
 * the precise way, one question per git call.
 */
const plainRef = /^(?!-)(?!.*\.\.)(?!.*\^[@!-])[\w./@{}~^+-]+$/;

/** rev-parse arguments for the probe, undefined when a ref is not plain. */
export function probeArguments(probe: RangeProbe): string[] | undefined {
  if (!plainRef.test(probe.base) || !plainRef.test(probe.head)) return undefined;
  if (probe.paths.some((path) => path.startsWith('-') || /[\n\r]/.test(path))) return undefined;
  const head = `${probe.head}^{commit}`;
  // `A...B` prints B, A, then ^ and every merge-base (`git merge-base --all`).
  return [`${probe.base}^{commit}...${head}`, ...probe.paths.map((path) => `${head}:${path}`)];
}

const objectId = /^[0-9a-f]{40}([0-9a-f]{24})?$/;

/**
 * The probe's answer from the lines rev-parse printed after its own, or undefined when
 * they are not exactly what the question asks for (no merge-base, or several: those
 * are explained by the precise path).
 */
export function parseProbe(lines: readonly string[], probe: RangeProbe): ProbedRange | undefined {
  const [head, base, mergeBase, ...objects] = lines;
  if (head === undefined || base === undefined || mergeBase === undefined) return undefined;
  if (!mergeBase.startsWith('^') || objects.length !== probe.paths.length) return undefined;
  const ids = [head, base, mergeBase.slice(1), ...objects];
  if (!ids.every((id) => objectId.test(id))) return undefined;
  return {
    base,
    head,
    mergeBase: mergeBase.slice(1),
    objects: new Map(probe.paths.map((path, index) => [path, objects[index] as string])),
  };
}
