import { type ChildProcess, fork } from 'node:child_process';
import type { Socket } from 'node:net';
import type { TestHost } from './host-round.ts';

/**
 * Test hosts started ahead of time: a host spends most of its start-up loading vitest (about
 * 0.6 s here), which `warm()` lets happen while the caller builds. `take()` hands out the
 * warm host, or a new one. An idle warm host holds nothing of its caller's: the caller may
 * exit, and the host then exits too (its IPC channel closes).
 */
export class TestHostPool {
  readonly host: TestHost;
  #spare: ChildProcess | undefined;

  constructor(host: TestHost) {
    this.host = host;
  }

  /** Starts a host now for the next run, unless one is waiting already. */
  warm(): void {
    if (this.#spare === undefined || gone(this.#spare)) this.#spare = idle(forkHost(this.host));
  }

  /** A host for a run: the warm one when it is still there, else a new one. */
  take(): ChildProcess {
    const spare = this.#spare;
    this.#spare = undefined;
    return spare !== undefined && !gone(spare) ? busy(spare) : forkHost(this.host);
  }
}

/** A new test host process of `host`. */
export function forkHost(host: TestHost): ChildProcess {
  return fork(host.entry, [], {
    execArgv: [...(host.execArgv ?? [])],
    ...(host.env ? { env: host.env } : {}),
    serialization: 'advanced',
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
}

function gone(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null || !child.connected;
}

/** Lets the caller's process end while the host waits. */
function idle(child: ChildProcess): ChildProcess {
  child.unref();
  child.channel?.unref();
  (child.stdout as Socket | null)?.unref();
  (child.stderr as Socket | null)?.unref();
  return child;
}

function busy(child: ChildProcess): ChildProcess {
  child.ref();
  child.channel?.ref();
  (child.stdout as Socket | null)?.ref();
  (child.stderr as Socket | null)?.ref();
  return child;
}
