import { loadavg } from 'node:os';

/**
 * Waits, at most `maxSeconds`, for the 1-minute load average to fall under `below`: a case
 * timed right after minutes of cold builds and tests (the cache fill) measures what those
 * left behind (load 3 on 2 cores: writeback, reclaim), not the command. Returns the load
 * when it stopped waiting; the report gives each case's load at its start anyway.
 */
export function settle(log: (line: string) => void, below = 1, maxSeconds = 120): number {
  const started = Date.now();
  let load = loadavg()[0] ?? 0;
  if (load < below) return load;
  log(`  waiting for the load average to fall under ${below} (now ${load.toFixed(2)}) ...`);
  while (load >= below && Date.now() - started < maxSeconds * 1000) {
    sleep(5000);
    load = loadavg()[0] ?? 0;
  }
  return load;
}

/** The benches run synchronously, one command after another: a blocking wait. */
function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
