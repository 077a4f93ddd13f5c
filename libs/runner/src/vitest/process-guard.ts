/**
 * Vitest's Node API assumes it owns the process. Constructing it installs SIGINT, SIGTERM,
 * exit and unhandledRejection listeners that call `process.exit()`, a failed run sets
 * `process.exitCode = 1`, and Vite sets `NODE_ENV` to `development` when it is unset.
 * mainline owns its process: Ctrl-C must reach the caller's abort, and the CLI alone picks
 * the exit code. So a run guards the process: it notes its state first, drops the listeners vitest added, and
 * puts exit code and NODE_ENV back when it is over.
 */
const events = ['SIGINT', 'SIGTERM', 'exit', 'unhandledRejection'] as const;

type Listener = (...args: unknown[]) => void;

export interface ProcessGuard {
  /** Removes the listeners added to `events` since the guard began. */
  dropAddedListeners(): void;
  /** Restores exit code and NODE_ENV as they were before. */
  restore(): void;
}

export function guardProcess(): ProcessGuard {
  const before = new Map(events.map((event) => [event, new Set(listeners(event))]));
  const exitCode = process.exitCode;
  const nodeEnv = process.env.NODE_ENV;
  return {
    dropAddedListeners() {
      for (const event of events) {
        const known = before.get(event);
        for (const listener of listeners(event)) {
          if (!known?.has(listener)) process.off(event, listener);
        }
      }
    },
    restore() {
      process.exitCode = exitCode;
      // Vite sets NODE_ENV when it is unset: what it changed goes back as it was.
      if (nodeEnv === undefined) Reflect.deleteProperty(process.env, 'NODE_ENV');
      else if (process.env.NODE_ENV !== nodeEnv) process.env.NODE_ENV = nodeEnv;
    },
  };
}

function listeners(event: (typeof events)[number]): Listener[] {
  return process.listeners(event as 'SIGINT') as Listener[];
}
