import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { isProcessAlive } from '@mainline/core';
import type { LoopState } from './dashboard.ts';

/**
 * Whether a trunk loop runs for this state folder: `trunk/lock` (libs/trunk's trunk-lock.ts)
 * names its pid and host. A lock of this host whose process is gone is a killed loop's.
 */
export function readLoopState(state: string): LoopState {
  let text: string;
  try {
    text = readFileSync(join(state, 'trunk', 'lock'), 'utf8');
  } catch {
    return { running: false };
  }
  const [pid, host] = text.trim().split(' ');
  const owner = Number(pid);
  if (!(owner > 0) || !host) return { running: false };
  const running = host !== hostname() || isProcessAlive(owner);
  return running ? { running, pid: owner } : { running: false };
}
