import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';

/**
 * Who owns a run. `key` tells this process apart from any other that had (or will have)
 * the same pid: on Linux, boot id and start time from /proc, which anyone can recompute
 * for a live pid; elsewhere a random token, which only this process knows.
 */
export interface ProcessIdentity {
  readonly pid: number;
  readonly host: string;
  readonly key: string;
}

let self: ProcessIdentity | undefined;

export function currentProcess(): ProcessIdentity {
  self ??= {
    pid: process.pid,
    host: hostname(),
    key: linuxProcess(process.pid)?.key ?? `random:${randomUUID()}`,
  };
  return self;
}

/**
 * Whether the process that started a `running` run is gone, seen from `me`. Runs of
 * another host are never judged (their pids mean nothing here). A run with our pid but
 * not our key belongs to an earlier process that had our pid: gone.
 */
export function isAbandoned(owner: ProcessIdentity, me: ProcessIdentity): boolean {
  if (owner.host !== me.host) return false;
  if (owner.key === me.key) return false;
  if (owner.pid === me.pid) return true;
  if (!pidExists(owner.pid)) return true;
  if (!owner.key.startsWith('linux:')) return false;
  const now = linuxProcess(owner.pid);
  if (now === undefined) return !pidExists(owner.pid);
  return now.gone || now.key !== owner.key;
}

function pidExists(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Linux only: the pid's identity key, and whether it is a zombie (dead, not yet reaped). */
function linuxProcess(pid: number): { key: string; gone: boolean } | undefined {
  if (process.platform !== 'linux') return undefined;
  try {
    const bootId = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 2 (the command) may hold spaces and parentheses: split after its closing one.
    // Then index 0 is field 3 (state) and index 19 is field 22 (start time in clock ticks).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const state = fields[0];
    const start = fields[19];
    if (state === undefined || start === undefined) return undefined;
    return { key: `linux:${bootId}:${start}`, gone: state === 'Z' || state === 'X' };
  } catch {
    return undefined;
  }
}
