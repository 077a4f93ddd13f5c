import { isMainlineError } from '@mainline/core';
import { bundleTestHost } from '@mainline/test-utils';
import { beforeAll, describe, expect, it } from 'vitest';
import { runVitestInHost, type TestHost, TestHostPool } from '../../src/vitest/index.ts';
import { eventLog, fixtureRoot, testFile } from './fixtures.ts';

let host: TestHost;
beforeAll(async () => {
  host = { entry: await bundleTestHost(new URL('./host-entry.ts', import.meta.url)) };
});

const quick = testFile(`it('is quick', () => expect(1).toBe(1));`);
const files = (...names: string[]) =>
  names.map((name) => ({ file: `libs/${name}/test/${name}.test.ts`, target: `libs/${name}` }));

describe('runVitestInHost', () => {
  it('survives a test that kills its own process: the file that did it fails, every other file runs', async () => {
    const root = fixtureRoot({
      'libs/a/test/a.test.ts': quick,
      'libs/b/test/b.test.ts': testFile(`describe('b', () => {
  it('passes first', () => expect(1).toBe(1));
  it('kills the process', () => { process.kill(process.pid, 'SIGKILL'); });
});`),
      'libs/c/test/c.test.ts': testFile(`it('takes a moment', async () => {
  await new Promise((resolve) => setTimeout(resolve, 300));
});`),
      'libs/d/test/d.test.ts': quick,
    });
    const { events, onEvent } = eventLog();
    const result = await runVitestInHost(
      { root, files: files('a', 'b', 'c', 'd'), retries: 0, maxWorkers: 2, onEvent },
      host,
    );
    expect(result.errors).toEqual([]);
    expect(result.targets.map((t) => [t.target, t.status])).toEqual([
      ['libs/a', 'passed'],
      ['libs/b', 'failed'],
      ['libs/c', 'passed'],
      ['libs/d', 'passed'],
    ]);
    expect(result.targets[1]?.files[0]?.errors).toEqual([
      {
        message:
          "crashed: the process running it was killed by SIGKILL, in test 'b > kills the process'",
        reason: 'crashed',
        test: 'b > kills the process',
      },
    ]);
    const finished = events.filter((e) => e.type === 'file-finished').map((e) => e.result.file);
    expect(finished.filter((file) => file === 'libs/b/test/b.test.ts')).toHaveLength(1);
  });

  it('names a file that kills its process while loading', async () => {
    const root = fixtureRoot({
      'libs/a/test/a.test.ts': quick,
      'libs/b/test/b.test.ts': testFile(
        `process.kill(process.pid, 'SIGABRT');\nit('never runs', () => {});`,
      ),
    });
    const result = await runVitestInHost({ root, files: files('a', 'b'), retries: 0 }, host);
    expect(result.targets.map((t) => t.status)).toEqual(['passed', 'failed']);
    expect(result.targets[1]?.files[0]?.errors[0]?.message).toBe(
      'crashed: the process running it was killed by SIGABRT, while loading the file or in a hook',
    );
  });

  it('is interrupted by its signal, keeping what finished', async () => {
    const root = fixtureRoot({
      'libs/a/test/a.test.ts': quick,
      'libs/b/test/b.test.ts': testFile(`it('loops', () => { while (true) {} });`),
    });
    const controller = new AbortController();
    const result = await runVitestInHost(
      {
        root,
        files: files('a', 'b'),
        retries: 0,
        maxWorkers: 1,
        signal: controller.signal,
        onEvent: (event) => {
          if (event.type === 'file-started' && event.file.startsWith('libs/b/')) {
            setTimeout(() => controller.abort(), 200);
          }
        },
      },
      host,
    );
    expect(result.status).toBe('interrupted');
    expect(result.targets[1]?.status).toBe('interrupted');
  });

  it('says so when the test process cannot run at all', async () => {
    const root = fixtureRoot({ 'libs/a/test/a.test.ts': quick });
    const error = await runVitestInHost(
      { root, files: files('a'), retries: 0 },
      { entry: `${root}/no-such-host.cjs` },
    ).catch((e: unknown) => e);
    expect(isMainlineError(error) && error.code).toBe('testRunFailed');
    expect(isMainlineError(error) && error.message).toBe(
      'the test process exited with code 1 before running any test',
    );
    expect(isMainlineError(error) && error.hint).toContain('Cannot find module');
  });

  it('runs in a host started ahead, and a host no one takes exits when its owner lets go', async () => {
    const root = fixtureRoot({ 'libs/a/test/a.test.ts': quick });
    const pool = new TestHostPool(host);
    pool.warm();
    pool.warm(); // one is waiting already: no second
    const result = await runVitestInHost({ root, files: files('a'), retries: 0 }, pool);
    expect(result.status).toBe('passed');
    pool.warm();
    const idle = pool.take();
    const exited = new Promise<number | null>((resolve) => idle.on('exit', resolve));
    idle.disconnect();
    expect(await exited).toBe(0);
  });
});
