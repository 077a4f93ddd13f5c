/** Reads each tool's affected list from its JSON output as short ids (`l5-0`, `p3`). */
export type AffectedParser = (stdout: string) => string[] | undefined;

/** `libs/l5-0`, `@synth/l5-0` -> `l5-0`. */
export const idOf = (nameOrPath: string): string =>
  nameOrPath.slice(nameOrPath.lastIndexOf('/') + 1);

/** `mainline affected --json`: `{ affected: [{ name }] }` (design 2.2). */
export const parseMainline: AffectedParser = (stdout) => {
  const doc = parseJson(stdout);
  if (!isRecord(doc) || !Array.isArray(doc.affected)) return undefined;
  return doc.affected.map((entry) => (isRecord(entry) ? idOf(String(entry.name)) : ''));
};

/** `turbo ls --affected --output=json`: `{ packages: { items: [{ name, path }] } }`. */
export const parseTurbo: AffectedParser = (stdout) => {
  const doc = parseJson(stdout);
  if (!isRecord(doc) || !isRecord(doc.packages) || !Array.isArray(doc.packages.items))
    return undefined;
  return doc.packages.items.map((item) => (isRecord(item) ? idOf(String(item.path)) : ''));
};

/** `nx show projects --affected --json`: an array of project (package) names. */
export const parseNx: AffectedParser = (stdout) => {
  const doc = parseJson(stdout);
  if (!Array.isArray(doc)) return undefined;
  return doc.map((name) => idOf(String(name)));
};

export interface AffectedCheck {
  readonly count: number;
  /** Exactly the expected set, no more, no less. */
  readonly correct: boolean;
}

export function checkAffected(
  found: readonly string[] | undefined,
  expectedNames: readonly string[],
): AffectedCheck | null {
  if (!found) return null;
  const expected = new Set(expectedNames.map(idOf));
  const got = new Set(found);
  const correct = got.size === expected.size && [...got].every((id) => expected.has(id));
  return { count: got.size, correct };
}

function parseJson(text: string): unknown {
  // Some tools print a banner line before the document; start at the first bracket.
  const start = text.search(/[[{]/);
  if (start < 0) return undefined;
  try {
    return JSON.parse(text.slice(start));
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
