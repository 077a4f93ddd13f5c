import {
  initialWatchState,
  transition,
  type WatchEffect,
  type WatchEvent,
  type WatchState,
} from './watch-machine.ts';

export interface WatchLoopOptions {
  /** How long saves must stop before a cycle starts. */
  readonly debounceMs: number;
  /** One cycle over the changed paths; aborted when the loop stops. */
  readonly run: (paths: readonly string[], signal: AbortSignal) => Promise<void>;
  readonly onState?: (state: WatchState) => void;
}

export interface WatchLoop {
  /** Files changed (repo-relative paths). */
  changed(paths: readonly string[]): void;
  /** Stops: cancels the timer, aborts a running cycle and waits for it. */
  stop(): Promise<void>;
}

/** Drives the state machine with a real timer and the run callback. */
export function runWatchLoop(options: WatchLoopOptions): WatchLoop {
  let state: WatchState = initialWatchState;
  let timer: NodeJS.Timeout | undefined;
  let running: { controller: AbortController; done: Promise<void> } | undefined;
  const send = (event: WatchEvent): void => {
    const next = transition(state, event);
    state = next.state;
    options.onState?.(state);
    for (const effect of next.effects) apply(effect);
  };
  const apply = (effect: WatchEffect): void => {
    switch (effect.type) {
      case 'start-timer':
        clearTimeout(timer);
        timer = setTimeout(() => send({ type: 'quiet' }), options.debounceMs);
        return;
      case 'cancel-timer':
        clearTimeout(timer);
        return;
      case 'abort-run':
        running?.controller.abort();
        return;
      case 'run': {
        const controller = new AbortController();
        const done = options
          .run(effect.paths, controller.signal)
          .catch(() => undefined) // the callback reports its own failures
          .finally(() => {
            running = undefined;
            send({ type: 'finished' });
          });
        running = { controller, done };
        return;
      }
    }
  };
  return {
    changed: (paths) => send({ type: 'changed', paths }),
    async stop() {
      const current = running;
      send({ type: 'stop' });
      await current?.done;
    },
  };
}
