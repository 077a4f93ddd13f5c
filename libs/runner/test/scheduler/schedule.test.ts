import { describe, expect, it } from 'vitest';
import { runSchedule, type Task, type TaskResult } from '../../src/scheduler/schedule.ts';

/** A run whose tasks finish when the test says so, recording what ran when. */
function controlledRun(red: readonly string[] = []) {
  const log: string[] = [];
  let live = 0;
  let maxLive = 0;
  const run = async (name: string): Promise<TaskResult<string>> => {
    live++;
    maxLive = Math.max(maxLive, live);
    log.push(`start ${name}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
    live--;
    log.push(`end ${name}`);
    return { ok: !red.includes(name), value: `built ${name}` };
  };
  return { run, log, maxLive: () => maxLive };
}

const diamond: Task[] = [
  { name: 'app', deps: ['left', 'right'] },
  { name: 'left', deps: ['core'] },
  { name: 'right', deps: ['core'] },
  { name: 'core', deps: [] },
  { name: 'lonely', deps: [] },
];

describe('runSchedule', () => {
  it('starts a task only after all its deps finished, within the concurrency', async () => {
    const { run, log, maxLive } = controlledRun();
    const outcomes = await runSchedule(diamond, run, { concurrency: 2 });
    const at = (entry: string): number => log.indexOf(entry);
    expect(at('start left')).toBeGreaterThan(at('end core'));
    expect(at('start app')).toBeGreaterThan(Math.max(at('end left'), at('end right')));
    expect(maxLive()).toBe(2);
    expect(outcomes.get('app')).toEqual({ kind: 'finished', ok: true, value: 'built app' });
    expect(outcomes.size).toBe(5);
  });

  it('runs the longest chain of dependents first', async () => {
    const { run, log } = controlledRun();
    await runSchedule(diamond, run, { concurrency: 1 });
    expect(log[0]).toBe('start core');
    expect(log.indexOf('start lonely')).toBe(log.length - 2);
  });

  it('keeps going past a red task, skipping its dependents and naming it', async () => {
    const { run } = controlledRun(['core']);
    const outcomes = await runSchedule(diamond, run, { concurrency: 2 });
    expect(outcomes.get('core')).toMatchObject({ kind: 'finished', ok: false });
    expect(outcomes.get('left')).toEqual({ kind: 'skipped', failedDep: 'core' });
    expect(outcomes.get('app')).toEqual({ kind: 'skipped', failedDep: 'core' });
    expect(outcomes.get('lonely')).toMatchObject({ kind: 'finished', ok: true });
  });

  it('with failFast starts nothing after the first red task', async () => {
    const { run } = controlledRun(['core']);
    const outcomes = await runSchedule(diamond, run, { concurrency: 1, failFast: true });
    expect(outcomes.get('core')).toMatchObject({ kind: 'finished', ok: false });
    expect(outcomes.get('lonely')).toEqual({ kind: 'not-run', reason: 'fail-fast' });
    expect(outcomes.get('app')).toEqual({ kind: 'skipped', failedDep: 'core' });
  });

  it('on abort passes the signal to running tasks and starts no more', async () => {
    const controller = new AbortController();
    const seen: string[] = [];
    const run = (name: string, signal: AbortSignal): Promise<TaskResult<string>> =>
      new Promise((resolve) => {
        seen.push(name);
        if (name === 'core') queueMicrotask(() => controller.abort());
        signal.addEventListener('abort', () => resolve({ ok: false, value: 'stopped' }));
      });
    const outcomes = await runSchedule(diamond, run, {
      concurrency: 1,
      signal: controller.signal,
    });
    expect(seen).toEqual(['core']);
    expect(outcomes.get('core')).toEqual({ kind: 'finished', ok: false, value: 'stopped' });
    expect(outcomes.get('lonely')).toEqual({ kind: 'not-run', reason: 'interrupted' });
  });

  it('rethrows a task that threw, after the running ones settle', async () => {
    const finished: string[] = [];
    const run = async (name: string): Promise<TaskResult<string>> => {
      if (name === 'core') throw new Error('bug in core');
      await new Promise((resolve) => setTimeout(resolve, 10));
      finished.push(name);
      return { ok: true, value: name };
    };
    await expect(runSchedule(diamond, run, { concurrency: 2 })).rejects.toThrow('bug in core');
    expect(finished).toEqual(['lonely']);
  });

  it('reports every start and finish as events, and ignores deps outside the schedule', async () => {
    const events: string[] = [];
    const tasks: Task[] = [{ name: 'a', deps: ['built-elsewhere'] }];
    const outcomes = await runSchedule(tasks, async () => ({ ok: true, value: 1 }), {
      concurrency: 4,
      onEvent: (event) => events.push(`${event.type} ${event.name}`),
    });
    expect(events).toEqual(['task-started a', 'task-finished a']);
    expect(outcomes.get('a')).toEqual({ kind: 'finished', ok: true, value: 1 });
  });

  it('refuses a cycle', async () => {
    const tasks: Task[] = [
      { name: 'a', deps: ['b'] },
      { name: 'b', deps: ['a'] },
    ];
    await expect(
      runSchedule(tasks, async () => ({ ok: true, value: 0 }), { concurrency: 1 }),
    ).rejects.toThrow(/cycle/);
  });
});
