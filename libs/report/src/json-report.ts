import type { RunSummary } from '@mainline/core';

/** The run as exactly one JSON document (`--json`): the summary, with the run's id. */
export function jsonReport(summary: RunSummary, runId: number | undefined): string {
  return `${JSON.stringify({ runId: runId ?? null, ...summary }, null, 2)}\n`;
}
