import { describe, expect, it } from 'vitest';
import { runVitest } from '../../src/vitest/index.ts';
import { eventLog, fixtureRoot, testFile, twoTargetFiles, twoTargets } from './fixtures.ts';

describe('runVitest, interrupted', () => {
  it('stops at once when aborted, killing a worker stuck in a test, and reports the run interrupted', async () => {
    const root = fixtureRoot({
      'libs/a/test/quick.test.ts': testFile(`it('is quick', () => expect(1).toBe(1));`),
      'libs/b/test/stuck.test.ts': testFile(`it('never ends', () => {
  const end = Date.now() + 120_000;
  while (Date.now() < end) {}
}, 300_000);`),
    });
    const controller = new AbortController();
    const { events, onEvent } = eventLog();
    let abortedAt = 0;
    const result = await runVitest({
      root,
      files: [
        { file: 'libs/a/test/quick.test.ts', target: 'libs/a' },
        { file: 'libs/b/test/stuck.test.ts', target: 'libs/b' },
      ],
      retries: 0,
      maxWorkers: 1,
      signal: controller.signal,
      onEvent: (event) => {
        onEvent(event);
        if (event.type === 'file-started' && event.file === 'libs/b/test/stuck.test.ts') {
          setTimeout(() => {
            abortedAt = performance.now();
            controller.abort();
          }, 300);
        }
      },
    });
    const stoppedAfterMs = performance.now() - abortedAt;

    expect(abortedAt).toBeGreaterThan(0);
    expect(stoppedAfterMs).toBeLessThan(10_000);
    expect(result.status).toBe('interrupted');
    const stuck = result.targets.find((t) => t.target === 'libs/b');
    expect(stuck).toMatchObject({
      status: 'interrupted',
      files: [{ file: 'libs/b/test/stuck.test.ts', status: 'interrupted', tests: [] }],
    });
    // What finished before the abort is kept.
    const quickFinished = events.some(
      (e) => e.type === 'file-finished' && e.result.file === 'libs/a/test/quick.test.ts',
    );
    const quick = result.targets.find((t) => t.target === 'libs/a');
    expect(quick?.status).toBe(quickFinished ? 'passed' : 'interrupted');
  });

  it('returns interrupted without starting vitest when the signal is already aborted', async () => {
    const root = fixtureRoot(twoTargets);
    const result = await runVitest({
      root,
      files: twoTargetFiles,
      retries: 0,
      signal: AbortSignal.abort(),
    });
    expect(result.status).toBe('interrupted');
    expect(result.targets.every((t) => t.status === 'interrupted')).toBe(true);
  });
});
