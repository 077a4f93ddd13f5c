import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Run, Store } from '@mainline/store';
import { foldStatus } from './night-targets.ts';
import type { NightlyReport } from './nightly-report.ts';
import type { PreviousNight } from './previous-night.ts';

/** The default report folder of a nightly: `nightly/<run id>` in the state folder. */
export function defaultReportDir(state: string, runId: number): string {
  return join(state, 'nightly', String(runId));
}

/** The store's last nightly that finished (passed or failed), before this one starts. */
export function lastNightlyRun(store: Store): Run | undefined {
  return store
    .listRuns({ kind: 'nightly', limit: 20 })
    .find((run) => run.status === 'passed' || run.status === 'failed');
}

/**
 * The previous night, target by target: from its `nightly.json` (in `reportDir` when given,
 * else its default folder) when that file is the report of the same run, else from what
 * the store recorded of it.
 */
export function readPreviousNight(
  store: Store,
  run: Run,
  folders: readonly string[],
): PreviousNight {
  const base = {
    runId: run.id,
    commit: run.headSha ?? '',
    startedAt: new Date(run.startedAt).toISOString(),
  };
  for (const folder of folders) {
    const report = readReport(join(folder, 'nightly.json'));
    if (report?.runId !== run.id) continue;
    return {
      ...base,
      targets: new Map(
        report.targets.map((t) => [
          t.name,
          { status: t.status, durationMs: t.build.durationMs + (t.test?.durationMs ?? 0) },
        ]),
      ),
      flakyTests: report.targets.flatMap((t) =>
        (t.test?.tests ?? [])
          .filter((test) => test.status === 'flaky')
          .map(({ file, name }) => ({ target: t.name, file, name })),
      ),
    };
  }
  const phases = new Map<string, { build?: string; test?: string; durationMs: number }>();
  for (const result of store.targetResults(run.id)) {
    const entry = phases.get(result.target) ?? { durationMs: 0 };
    entry[result.phase] = result.status;
    entry.durationMs += result.durationMs;
    phases.set(result.target, entry);
  }
  return {
    ...base,
    targets: new Map(
      [...phases].map(([name, entry]) => [
        name,
        { status: foldStatus(entry.build, entry.test), durationMs: Math.round(entry.durationMs) },
      ]),
    ),
    flakyTests: store
      .testResults(run.id)
      .filter((test) => test.status === 'flaky')
      .map(({ target, file, name }) => ({ target, file, name })),
  };
}

function readReport(file: string): NightlyReport | undefined {
  try {
    const data: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return isReport(data) ? data : undefined;
  } catch {
    // No report there, or not one this version reads: the store answers instead.
    return undefined;
  }
}

function isReport(data: unknown): data is NightlyReport {
  return (
    typeof data === 'object' &&
    data !== null &&
    'version' in data &&
    data.version === 1 &&
    'runId' in data &&
    'targets' in data &&
    Array.isArray(data.targets)
  );
}
