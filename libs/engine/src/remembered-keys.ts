import type { RememberedKeys, SnapshotFingerprints } from '@mainline/change';
import type { TargetKeys } from './target-keys.ts';

/**
 * The remembered fingerprints of `names`, if every one of them is remembered; with their
 * test files when those are remembered for every one too.
 */
export function rememberedFor(
  remembered: SnapshotFingerprints,
  names: readonly string[],
): SnapshotFingerprints | undefined {
  const build = new Map<string, string>();
  const full = new Map<string, string>();
  let testFiles: Map<string, readonly string[]> | undefined = new Map();
  for (const name of names) {
    const buildPrint = remembered.build.get(name);
    const fullPrint = remembered.full.get(name);
    if (buildPrint === undefined || fullPrint === undefined) return undefined;
    build.set(name, buildPrint);
    full.set(name, fullPrint);
    const files = remembered.testFiles?.get(name);
    if (isPathList(files)) testFiles?.set(name, files);
    else testFiles = undefined;
  }
  const tested = new Set(names.filter((name) => remembered.tested.has(name)));
  return { build, full, tested, ...(testFiles ? { testFiles } : {}) };
}

function isPathList(value: unknown): value is readonly string[] {
  return Array.isArray(value) && value.every((path) => typeof path === 'string');
}

/** The remembered keys of `names` made with the tools `id` names, if all are remembered. */
export function rememberedKeys(
  keys: RememberedKeys | undefined,
  id: string,
  names: readonly string[],
): TargetKeys | undefined {
  if (keys?.id !== id) return undefined;
  const build = new Map<string, string>();
  const test = new Map<string, string>();
  for (const name of names) {
    const buildKey = keys.build.get(name);
    const testKey = keys.test.get(name);
    if (buildKey === undefined || testKey === undefined) return undefined;
    build.set(name, buildKey);
    test.set(name, testKey);
  }
  return { build, test };
}
