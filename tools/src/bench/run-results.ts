import { stripVTControlCharacters } from 'node:util';

/** One `{ target, status }` entry of `mainline build|test --json` (design 2.2). */
export interface TargetStatus {
  readonly target: string;
  readonly status: string;
  readonly durationMs: number;
}

export interface MainlineRun {
  readonly builds: readonly TargetStatus[];
  readonly tests: readonly TargetStatus[];
}

/** The `builds` and `tests` arrays of `mainline test --json`, or undefined if unreadable. */
export function parseMainlineRun(stdout: string): MainlineRun | undefined {
  let doc: unknown;
  try {
    doc = JSON.parse(stdout);
  } catch {
    return undefined;
  }
  if (!isRecord(doc)) return undefined;
  const builds = statuses(doc.builds);
  const tests = statuses(doc.tests);
  return builds && tests ? { builds, tests } : undefined;
}

/** Whether two lists hold the same names, ignoring order and repeats. */
export function sameNames(a: readonly string[], b: readonly string[]): boolean {
  const left = new Set(a);
  const right = new Set(b);
  return left.size === right.size && [...left].every((name) => right.has(name));
}

/** Targets with a build or a test that did not come from the cache, sorted. */
export function rerunTargets(run: MainlineRun): string[] {
  const names = new Set<string>();
  for (const entry of [...run.builds, ...run.tests]) {
    if (entry.status !== 'cached') names.add(entry.target);
  }
  return [...names].sort();
}

/** Summed per-target durations in seconds (targets run in parallel, so more than the wall). */
export function summedSeconds(list: readonly TargetStatus[]): number {
  return list.reduce((sum, entry) => sum + entry.durationMs, 0) / 1000;
}

/**
 * What a run must show, besides `counts` builds and tests: `cold`, every one ran and passed;
 * `cached`, all of them came from the cache; `partial`, each passed or came from the cache.
 * Returns a message for the first problem, or null.
 */
export function checkMainlineRun(
  stdout: string,
  expected: 'cold' | 'cached' | 'partial',
  counts: { readonly builds: number; readonly tests: number },
): string | null {
  const run = parseMainlineRun(stdout);
  if (!run) return 'mainline printed no JSON document with builds and tests';
  const allowed = { cold: ['passed'], cached: ['cached'], partial: ['passed', 'cached'] }[expected];
  for (const kind of ['builds', 'tests'] as const) {
    const list = run[kind];
    if (list.length !== counts[kind])
      return `${list.length} ${kind} in the JSON, expected ${counts[kind]}`;
    const wrong = list.filter((entry) => !allowed.includes(entry.status));
    if (wrong.length > 0) {
      const first = wrong[0];
      return (
        `${wrong.length} ${kind} not ${allowed.join(' or ')}` +
        (first ? ` (first: ${first.target} ${first.status})` : '')
      );
    }
  }
  return null;
}

export interface TurboSummary {
  readonly successful: number;
  readonly total: number;
  readonly cached: number;
  readonly fullTurbo: boolean;
}

/** turbo's closing lines: `Tasks: 200 successful, 200 total`, `Cached: 0 cached, 200 total`. */
export function parseTurboSummary(output: string): TurboSummary | undefined {
  const text = stripVTControlCharacters(output);
  const tasks = /Tasks:\s+(\d+) successful, (\d+) total/.exec(text);
  const cached = /Cached:\s+(\d+) cached, (\d+) total/.exec(text);
  if (!tasks || !cached) return undefined;
  return {
    successful: Number(tasks[1]),
    total: Number(tasks[2]),
    cached: Number(cached[1]),
    fullTurbo: text.includes('FULL TURBO'),
  };
}

/** `cold`: every task ran and none was a cache hit; `cached`: every task was replayed. */
export function checkTurboRun(
  output: string,
  expected: 'cold' | 'cached',
  tasks: number,
): string | null {
  const summary = parseTurboSummary(output);
  if (!summary) return 'turbo printed no Tasks/Cached summary';
  if (summary.total !== tasks || summary.successful !== tasks) {
    return `turbo: ${summary.successful} successful of ${summary.total} tasks, expected ${tasks}`;
  }
  if (expected === 'cold' && summary.cached !== 0) return `turbo: ${summary.cached} cache hits`;
  if (expected === 'cached' && (summary.cached !== tasks || !summary.fullTurbo)) {
    return `turbo: ${summary.cached} of ${tasks} cached, not FULL TURBO`;
  }
  return null;
}

function statuses(value: unknown): TargetStatus[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const list: TargetStatus[] = [];
  for (const entry of value) {
    if (!isRecord(entry) || typeof entry.target !== 'string' || typeof entry.status !== 'string')
      return undefined;
    const durationMs = typeof entry.durationMs === 'number' ? entry.durationMs : 0;
    list.push({ target: entry.target, status: entry.status, durationMs });
  }
  return list;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
