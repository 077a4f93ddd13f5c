import { describe, expect, it } from 'vitest';
import { initialWatchState, transition, type WatchEvent, type WatchState } from '../src/index.ts';

const changed = (...paths: string[]): WatchEvent => ({ type: 'changed', paths });

function walk(events: WatchEvent[]): { state: WatchState; effects: unknown[] } {
  let state = initialWatchState;
  const effects: unknown[] = [];
  for (const event of events) {
    const next = transition(state, event);
    state = next.state;
    effects.push(...next.effects);
  }
  return { state, effects };
}

describe('the watch state machine', () => {
  it('idle: a save starts the debounce timer; nothing else does anything', () => {
    expect(transition(initialWatchState, changed('a.ts'))).toEqual({
      state: { kind: 'debouncing', pending: new Set(['a.ts']) },
      effects: [{ type: 'start-timer' }],
    });
    expect(transition(initialWatchState, { type: 'quiet' }).effects).toEqual([]);
    expect(transition(initialWatchState, { type: 'finished' }).state).toEqual(initialWatchState);
    expect(transition(initialWatchState, changed()).effects).toEqual([]);
  });

  it('debouncing: saves restart the timer and join the batch; quiet runs the batch', () => {
    const { state, effects } = walk([changed('b.ts'), changed('a.ts', 'b.ts'), { type: 'quiet' }]);
    expect(state).toEqual({ kind: 'running', batch: new Set(['a.ts', 'b.ts']) });
    expect(effects).toEqual([
      { type: 'start-timer' },
      { type: 'start-timer' },
      { type: 'run', paths: ['a.ts', 'b.ts'] },
    ]);
  });

  it('running: a save during the run is queued for the next cycle, which starts after it', () => {
    const { state, effects } = walk([
      changed('a.ts'),
      { type: 'quiet' },
      changed('c.ts'),
      changed('d.ts'),
      { type: 'finished' },
      { type: 'quiet' },
    ]);
    expect(effects.filter((e) => (e as { type: string }).type === 'run')).toEqual([
      { type: 'run', paths: ['a.ts'] },
      { type: 'run', paths: ['c.ts', 'd.ts'] },
    ]);
    expect(state.kind).toBe('running');
  });

  it('a run that ends with nothing queued goes back to idle', () => {
    expect(walk([changed('a.ts'), { type: 'quiet' }, { type: 'finished' }]).state).toEqual(
      initialWatchState,
    );
  });

  it('stop cancels the timer or aborts the run, and nothing happens after', () => {
    expect(walk([changed('a.ts'), { type: 'stop' }]).effects.at(-1)).toEqual({
      type: 'cancel-timer',
    });
    expect(walk([changed('a.ts'), { type: 'quiet' }, { type: 'stop' }]).effects.at(-1)).toEqual({
      type: 'abort-run',
    });
    const stopped = walk([changed('a.ts'), { type: 'quiet' }, changed('b.ts'), { type: 'stop' }]);
    expect(stopped.effects.at(-1)).toEqual({ type: 'abort-run' });
    expect(transition(stopped.state, changed('c.ts'))).toEqual({
      state: { kind: 'stopped' },
      effects: [],
    });
  });
});
