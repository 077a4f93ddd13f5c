import type { RunSummary } from '@mainline/core';
import { untested } from './nothing-tested.ts';

/**
 * The run as exactly one JSON document (`--json`): the summary, with the run's id, and
 * `nothingTested: true` when a green test run ran no test (every target has none).
 */
export function jsonReport(summary: RunSummary, runId: number | undefined): string {
  const nothingTested = untested(summary).all ? { nothingTested: true } : {};
  return `${JSON.stringify({ runId: runId ?? null, ...summary, ...nothingTested }, null, 2)}\n`;
}
