/**
 * A target's package manifest (`package.json` in its folder) is part of it, whether or not
 * its `srcs` list it: its dependencies decide which packages its imports resolve to, and
 * fields such as `exports`, `main` and `type` decide what its dependents import. Only fields
 * that no build or test reads are left out, so a change to them affects nothing.
 */

/** Fields no build or test reads: package metadata and publishing settings. */
const ignoredFields = new Set([
  'description',
  'keywords',
  'author',
  'contributors',
  'maintainers',
  'license',
  'homepage',
  'repository',
  'bugs',
  'funding',
  'private',
  'publishConfig',
  'files',
]);

/** Fields only a test run can read (a test command may run a script): the test part. */
const testFields = new Set(['scripts']);

/** A field name that stands for the whole file when it is not a JSON object. */
const wholeFile = '(not a JSON object)';

/** Where a target's manifest is: in its folder, which is its name. */
export function manifestPathOf(target: string): string {
  return `${target}/package.json`;
}

/** The target a path is the manifest of, when it is one (`libs/a/package.json` -> `libs/a`). */
export function manifestTargetOf(path: string): string | undefined {
  const suffix = '/package.json';
  return path.endsWith(suffix) ? path.slice(0, -suffix.length) : undefined;
}

export interface ManifestKeys {
  /** What its build fingerprint covers: every field but the ignored ones and `scripts`. */
  readonly build: string;
  /** What only its (test) fingerprint covers: `scripts`. */
  readonly test: string;
}

/** The manifest's parts as fingerprints cover them; an absent manifest is empty. */
export function manifestKeys(text: string | undefined): ManifestKeys {
  const fields = manifestFields(text);
  const build: [string, string][] = [];
  const test: [string, string][] = [];
  for (const [name, value] of [...fields].sort(([a], [b]) => (a < b ? -1 : 1))) {
    (testFields.has(name) ? test : build).push([name, value]);
  }
  return { build: JSON.stringify(build), test: JSON.stringify(test) };
}

export interface ManifestChange {
  /** Top-level fields whose value changed, that a build reads. */
  readonly build: readonly string[];
  /** Top-level fields whose value changed, that only tests read. */
  readonly test: readonly string[];
}

/** The counted top-level fields that differ between two versions of a manifest. */
export function changedManifestFields(
  before: string | undefined,
  after: string | undefined,
): ManifestChange {
  const a = manifestFields(before);
  const b = manifestFields(after);
  const build: string[] = [];
  const test: string[] = [];
  for (const name of new Set([...a.keys(), ...b.keys()])) {
    if (a.get(name) === b.get(name)) continue;
    (testFields.has(name) ? test : build).push(name);
  }
  return { build: build.sort(), test: test.sort() };
}

/** Counted field -> its value as JSON. */
function manifestFields(text: string | undefined): Map<string, string> {
  const fields = new Map<string, string>();
  if (text === undefined) return fields;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  if (!isObject(parsed)) {
    fields.set(wholeFile, JSON.stringify(text));
    return fields;
  }
  for (const [name, value] of Object.entries(parsed)) {
    // Order kept: the order of `exports` conditions is meaningful.
    if (!ignoredFields.has(name)) fields.set(name, JSON.stringify(value));
  }
  return fields;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
