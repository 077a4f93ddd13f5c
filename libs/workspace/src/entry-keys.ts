import type { TargetJson } from './build-file-json.ts';

/**
 * A target's entry as written (no defaults), keys sorted: "its entry changed" is `!==`.
 * Valid targets hold only these five fields (the schema forbids others), so an object
 * literal in sorted key order is canonical, and JSON.stringify drops the absent ones.
 */
export function canonicalEntry(raw: TargetJson): string {
  return JSON.stringify({
    deps: raw.deps,
    entry: raw.entry,
    kind: raw.kind,
    srcs: raw.srcs,
    tests: raw.tests,
  });
}

/**
 * Workspace.entryKeys, computed per target on first read. Serializing 10,000 entries costs
 * more than the rest of parsing; `affected` needs none of them when BUILD.json did not change.
 */
export class EntryKeys implements ReadonlyMap<string, string> {
  private readonly cache = new Map<string, string>();

  constructor(
    private readonly names: readonly string[],
    private readonly targets: Readonly<Record<string, TargetJson>>,
  ) {}

  get size(): number {
    return this.names.length;
  }

  has(name: string): boolean {
    return this.get(name) !== undefined;
  }

  get(name: string): string | undefined {
    let key = this.cache.get(name);
    if (key === undefined && Object.hasOwn(this.targets, name)) {
      key = canonicalEntry(this.targets[name] as TargetJson);
      this.cache.set(name, key);
    }
    return key;
  }

  *entries(): MapIterator<[string, string]> {
    for (const name of this.names) yield [name, this.get(name) as string];
  }

  *keys(): MapIterator<string> {
    yield* this.names;
  }

  *values(): MapIterator<string> {
    for (const name of this.names) yield this.get(name) as string;
  }

  [Symbol.iterator](): MapIterator<[string, string]> {
    return this.entries();
  }

  forEach(callback: (value: string, key: string, map: ReadonlyMap<string, string>) => void): void {
    for (const name of this.names) callback(this.get(name) as string, name, this);
  }
}
