/**
 * The watch loop as an explicit state machine. `idle`: nothing to do. `debouncing`: saves
 * came in, waiting for quiet. `running`: a cycle runs; saves meanwhile make it `queued`,
 * so the next cycle starts when this one ends. `stopped`: final.
 */
export type WatchState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'debouncing'; readonly pending: ReadonlySet<string> }
  | { readonly kind: 'running'; readonly batch: ReadonlySet<string> }
  | {
      readonly kind: 'queued';
      readonly batch: ReadonlySet<string>;
      readonly pending: ReadonlySet<string>;
    }
  | { readonly kind: 'stopped' };

export type WatchEvent =
  | { readonly type: 'changed'; readonly paths: readonly string[] }
  | { readonly type: 'quiet' }
  | { readonly type: 'finished' }
  | { readonly type: 'stop' };

/** What the loop must do after a transition. */
export type WatchEffect =
  | { readonly type: 'start-timer' }
  | { readonly type: 'cancel-timer' }
  | { readonly type: 'run'; readonly paths: readonly string[] }
  | { readonly type: 'abort-run' };

export interface Transition {
  readonly state: WatchState;
  readonly effects: readonly WatchEffect[];
}

export const initialWatchState: WatchState = { kind: 'idle' };

export function transition(state: WatchState, event: WatchEvent): Transition {
  if (state.kind === 'stopped') return { state, effects: [] };
  if (event.type === 'stop') return stop(state);
  switch (state.kind) {
    case 'idle':
      if (event.type !== 'changed' || event.paths.length === 0) return { state, effects: [] };
      return debounce(new Set(event.paths));
    case 'debouncing':
      if (event.type === 'changed') return debounce(union(state.pending, event.paths));
      if (event.type === 'quiet') {
        return {
          state: { kind: 'running', batch: state.pending },
          effects: [{ type: 'run', paths: [...state.pending].sort() }],
        };
      }
      return { state, effects: [] };
    case 'running':
      if (event.type === 'changed' && event.paths.length > 0) {
        return {
          state: { kind: 'queued', batch: state.batch, pending: new Set(event.paths) },
          effects: [],
        };
      }
      if (event.type === 'finished') return { state: initialWatchState, effects: [] };
      return { state, effects: [] };
    case 'queued':
      if (event.type === 'changed') {
        return { state: { ...state, pending: union(state.pending, event.paths) }, effects: [] };
      }
      if (event.type === 'finished') return debounce(state.pending);
      return { state, effects: [] };
  }
}

function debounce(pending: ReadonlySet<string>): Transition {
  return { state: { kind: 'debouncing', pending }, effects: [{ type: 'start-timer' }] };
}

function stop(state: Exclude<WatchState, { kind: 'stopped' }>): Transition {
  const effects: WatchEffect[] = [];
  if (state.kind === 'debouncing') effects.push({ type: 'cancel-timer' });
  if (state.kind === 'running' || state.kind === 'queued') effects.push({ type: 'abort-run' });
  return { state: { kind: 'stopped' }, effects };
}

function union(set: ReadonlySet<string>, paths: readonly string[]): Set<string> {
  return new Set([...set, ...paths]);
}
