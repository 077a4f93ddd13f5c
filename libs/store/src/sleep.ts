const sleeper = new Int32Array(new SharedArrayBuffer(4));

/** Blocks this thread for `ms` (the store is synchronous; nothing else runs meanwhile). */
export function sleepSync(ms: number): void {
  Atomics.wait(sleeper, 0, 0, ms);
}

/** 5 to 25 ms, so processes waiting for each other do not retry in step. */
export function jitter(): number {
  return 5 + Math.random() * 20;
}
