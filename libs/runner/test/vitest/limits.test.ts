import { describe, expect, it } from 'vitest';
import { runVitest } from '../../src/vitest/index.ts';
import { eventLog, fixtureRoot, testFile } from './fixtures.ts';

const quick = testFile(`it('is quick', () => expect(1).toBe(1));`);

describe('runVitest, time limits and dying workers', () => {
  it('kills a file stuck in a synchronous loop at its limit, naming the test, and runs the others', async () => {
    const root = fixtureRoot({
      'libs/a/test/quick.test.ts': quick,
      'libs/b/test/stuck.test.ts': testFile(`describe('suite', () => {
  it('finishes', () => expect(1).toBe(1));
  it('never ends', () => { while (true) {} });
});`),
      'libs/c/test/after.test.ts': quick,
    });
    const { events, onEvent } = eventLog();
    const result = await runVitest({
      root,
      files: [
        { file: 'libs/a/test/quick.test.ts', target: 'libs/a' },
        { file: 'libs/b/test/stuck.test.ts', target: 'libs/b', limits: { fileMs: 1500 } },
        { file: 'libs/c/test/after.test.ts', target: 'libs/c' },
      ],
      retries: 0,
      maxWorkers: 1,
      onEvent,
    });
    expect(result.errors).toEqual([]);
    expect(result.targets.map((t) => [t.target, t.status])).toEqual([
      ['libs/a', 'passed'],
      ['libs/b', 'failed'],
      ['libs/c', 'passed'],
    ]);
    const stuck = result.targets[1]?.files[0];
    expect(stuck?.errors).toEqual([
      {
        message:
          "timed out: still running after 1.5 s, the file's limit; its worker was killed, in test 'suite > never ends'",
        reason: 'timeout',
        test: 'suite > never ends',
      },
    ]);
    expect(events).toContainEqual(
      expect.objectContaining({ type: 'file-finished', result: stuck }),
    );
  });

  it("applies each file's per-test timeout, and the request's to the others", async () => {
    const slow = testFile(`it('waits 400 ms', async () => {
  await new Promise((resolve) => setTimeout(resolve, 400));
});`);
    const root = fixtureRoot({
      'libs/a/test/slow.test.ts': slow,
      'libs/b/test/slow.test.ts': slow,
    });
    const result = await runVitest({
      root,
      files: [
        { file: 'libs/a/test/slow.test.ts', target: 'libs/a', limits: { testMs: 100 } },
        { file: 'libs/b/test/slow.test.ts', target: 'libs/b' },
      ],
      retries: 0,
      limits: { testMs: 2000 },
    });
    expect(result.targets.map((t) => [t.target, t.status])).toEqual([
      ['libs/a', 'failed'],
      ['libs/b', 'passed'],
    ]);
    expect(result.targets[0]?.files[0]?.tests[0]?.message).toContain('Test timed out in 100ms');
  });

  it.each(['thread', 'process'] as const)(
    'fails a file whose worker runs out of memory, and keeps the others (%s)',
    async (isolation) => {
      const root = fixtureRoot({
        'libs/a/test/quick.test.ts': quick,
        'libs/b/test/hog.test.ts': testFile(`it('hogs memory', () => {
  const hoard = [];
  while (true) hoard.push(new Array(1e6).fill(Math.random()));
});`),
      });
      const result = await runVitest({
        root,
        files: [
          { file: 'libs/a/test/quick.test.ts', target: 'libs/a' },
          { file: 'libs/b/test/hog.test.ts', target: 'libs/b' },
        ],
        retries: 0,
        maxWorkers: 2,
        isolation,
        workerMemoryMb: 64,
      });
      expect(result.errors).toEqual([]);
      expect(result.targets.map((t) => [t.target, t.status])).toEqual([
        ['libs/a', 'passed'],
        ['libs/b', 'failed'],
      ]);
      expect(result.targets[1]?.files[0]?.errors).toEqual([
        {
          message:
            isolation === 'thread'
              ? "crashed: its worker ran out of memory, in test 'hogs memory'"
              : "crashed: its worker process was killed by SIGABRT (a fatal error, such as running out of memory), in test 'hogs memory'",
          reason: 'crashed',
          test: 'hogs memory',
        },
      ]);
    },
  );

  it('fails a file whose worker process is killed, with the signal', async () => {
    const root = fixtureRoot({
      'libs/a/test/quick.test.ts': quick,
      'libs/c/test/killed.test.ts': testFile(`it('kills its own process', () => {
  process.kill(process.pid, 'SIGKILL');
});`),
    });
    const result = await runVitest({
      root,
      files: [
        { file: 'libs/a/test/quick.test.ts', target: 'libs/a' },
        { file: 'libs/c/test/killed.test.ts', target: 'libs/c' },
      ],
      retries: 0,
      isolation: 'process',
    });
    expect(result.errors).toEqual([]);
    expect(result.targets.map((t) => t.status)).toEqual(['passed', 'failed']);
    expect(result.targets[1]?.files[0]?.errors[0]?.message).toBe(
      "crashed: its worker process was killed by SIGKILL, in test 'kills its own process'",
    );
  });
});
