import { hostname } from 'node:os';
import { type ArtifactCache, actionKey } from '@mainline/cache';
import type { TargetTestResult, TestCaseResult } from '@mainline/core';

/** A test pass found in the shared cache, and where it ran, for people: `host run 12`. */
export interface SharedPass {
  readonly result: TargetTestResult;
  readonly from: string;
}

/** The label that marks an action result as a test pass (its test cases as stdout). */
export const testPassKind = 'test-pass';

/** Where a test key's pass is kept: apart from every build key. */
function passKey(testKey: string): string {
  return actionKey({ testKey, kind: testPassKind });
}

/**
 * The passes the cache holds for `wanted` test keys: a target whose tests passed on
 * another machine (or in a run this store does not know) counts as cached, with the run it
 * came from. Only passes are ever stored, and each is checked to be one before it counts.
 */
export async function sharedPasses(
  cache: ArtifactCache,
  wanted: readonly { readonly target: string; readonly key: string }[],
): Promise<Map<string, SharedPass>> {
  const found = new Map<string, SharedPass>();
  await Promise.all(
    wanted.map(async ({ target, key }) => {
      const lookup = await cache.lookup(passKey(key));
      if (lookup.kind !== 'hit') return;
      const { exitCode, stdout, metadata } = lookup.action;
      if (exitCode !== 0 || metadata.labels.kind !== testPassKind || stdout === undefined) return;
      const tests = parseTests(await cache.readLog(stdout));
      if (tests === undefined) return;
      const from = `${metadata.labels.host ?? 'another machine'} run ${metadata.labels.runId ?? '?'}`;
      found.set(target, {
        result: { target, status: 'cached', durationMs: 0, tests, fileErrors: [] },
        from,
      });
    }),
  );
  return found;
}

/** Stores a green result under its test key for other machines; red is never shared. */
export async function sharePass(
  cache: ArtifactCache,
  result: TargetTestResult,
  testKey: string,
  runId: number,
): Promise<void> {
  if (result.status !== 'passed') return;
  try {
    await cache.store(passKey(testKey), {
      rootDir: '.',
      files: [],
      exitCode: 0,
      stdout: JSON.stringify(result.tests),
      durationMs: result.durationMs,
      labels: { target: result.target, kind: testPassKind, host: hostname(), runId: `${runId}` },
    });
  } catch {
    // Best effort: the pass is recorded in the store either way.
  }
}

function parseTests(text: string | undefined): TestCaseResult[] | undefined {
  if (text === undefined) return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    if (!Array.isArray(parsed)) return undefined;
    const ok = parsed.every(
      (test: unknown) =>
        typeof test === 'object' &&
        test !== null &&
        'file' in test &&
        typeof test.file === 'string' &&
        'name' in test &&
        typeof test.name === 'string' &&
        'status' in test &&
        (test.status === 'passed' || test.status === 'skipped'),
    );
    return ok ? (parsed as TestCaseResult[]) : undefined;
  } catch {
    return undefined;
  }
}
