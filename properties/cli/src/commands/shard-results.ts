import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { MainlineError, type RunSummary } from '@mainline/core';
import { junitReport } from '@mainline/report';
import { readCheckedJson } from './read-checked-json.ts';

/** What `mainline test --results DIR` leaves in DIR/results.json, for `results merge`. */
export interface ShardResults {
  readonly version: 1;
  /** The shard this run was (`--shard I/N`); absent for a run of its own. */
  readonly shard?: { readonly index: number; readonly count: number };
  /** The plan's id, when the shard came from one. */
  readonly plan?: string;
  readonly runId: number | null;
  readonly summary: RunSummary;
}

export const resultsFile = 'results.json';

/** DIR/results.json and DIR/junit.xml (DIR made when missing). */
export async function writeShardResults(
  cwd: string,
  dir: string,
  results: ShardResults,
): Promise<void> {
  const folder = resolve(cwd, dir);
  try {
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, resultsFile), `${JSON.stringify(results)}\n`);
    writeFileSync(join(folder, 'junit.xml'), await junitReport(results.summary));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new MainlineError('reportFailed', `cannot write the results to ${folder}: ${reason}`, {
      hint: 'pass --results a folder you can write to',
    });
  }
}

/** DIR/results.json, checked; unreadable or of another shape fails naming the file. */
export function readShardResults(cwd: string, dir: string): ShardResults {
  const file = join(resolve(cwd, dir), resultsFile);
  const invalid = (why: string): MainlineError =>
    new MainlineError('resultsInvalid', `cannot read the results ${file}: ${why}`, {
      hint: 'pass results merge the folders `mainline test --results DIR` wrote',
    });
  return readCheckedJson(file, isShardResults, invalid, 'a version 1 results file');
}

function isShardResults(value: unknown): value is ShardResults {
  if (typeof value !== 'object' || value === null) return false;
  const { version, summary } = value as { version?: unknown; summary?: unknown };
  if (version !== 1 || typeof summary !== 'object' || summary === null) return false;
  const { status, builds, tests } = summary as Record<string, unknown>;
  return typeof status === 'string' && Array.isArray(builds) && Array.isArray(tests);
}
