import type { RunSummary } from '@mainline/core';
import { runCli } from './cli.ts';

/** `build`/`test --json`: the summary document with its run id. */
export interface JsonRun extends RunSummary {
  readonly runId: number;
}

/** Runs `mainline ARGS --json`: the exit code and the parsed run; exit 2 throws with stderr. */
export async function runJson(
  args: readonly string[],
  cwd: string,
): Promise<{ code: number; run: JsonRun }> {
  const result = await runCli([...args, '--json'], { cwd, timeoutMs: 120_000 });
  if (result.code === 2) throw new Error(`mainline ${args.join(' ')} failed:\n${result.stderr}`);
  return { code: result.code, run: JSON.parse(result.stdout) as JsonRun };
}
