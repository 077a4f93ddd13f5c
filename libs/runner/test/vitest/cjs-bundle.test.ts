import { type ChildProcess, spawn } from 'node:child_process';
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeTempDir } from '@mainline/test-utils';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import type { VitestRunResult } from '../../src/vitest/index.ts';
import { fixtureRoot, testFile } from './fixtures.ts';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
let bundle = '';
let bundledInputs: string[] = [];

// Bundled like properties/cli (CommonJS, nothing marked external): vitest must stay out of
// the bundle and load from node_modules only when tests run.
beforeAll(async () => {
  const dir = makeTempDir('runner-cjs');
  symlinkSync(join(repoRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
  bundle = join(dir, 'run.cjs');
  const result = await build({
    entryPoints: [fileURLToPath(new URL('./child-entry.ts', import.meta.url))],
    outfile: bundle,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    logLevel: 'silent',
    metafile: true,
  });
  bundledInputs = Object.keys(result.metafile.inputs);
});

interface Child {
  readonly process: ChildProcess;
  readonly done: Promise<{ code: number | null; stdout: string; stderr: string }>;
  /** Resolves once stderr contains the text. */
  waitFor(text: string): Promise<void>;
}

function runChild(request: object): Child {
  const child = spawn(process.execPath, [bundle, JSON.stringify(request)], {
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 120_000,
    killSignal: 'SIGKILL',
  });
  let stdout = '';
  let stderr = '';
  const waiters: { text: string; resolve: () => void }[] = [];
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    for (const waiter of waiters) if (stderr.includes(waiter.text)) waiter.resolve();
  });
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (code) => resolve({ code, stdout, stderr })),
  );
  return {
    process: child,
    done,
    waitFor: (text) =>
      new Promise((resolve) => {
        if (stderr.includes(text)) resolve();
        else waiters.push({ text, resolve });
      }),
  };
}

describe('runVitest from a CommonJS bundle in a plain Node process', () => {
  it('keeps vitest out of the bundle', () => {
    expect(
      bundledInputs.some((path) => path.includes('libs/runner/src/vitest/run-vitest.ts')),
    ).toBe(true);
    expect(
      bundledInputs.filter((path) => /node_modules\/(vitest|vite|@vitest)\//.test(path)),
    ).toEqual([]);
  });

  it('loads vitest on demand, runs, and prints nothing but its own output', async () => {
    const root = fixtureRoot({
      'libs/a/test/a.test.ts': testFile(`it('logs and passes', () => {
  console.log('from a test');
  process.stdout.write('raw write\\n');
  expect(1).toBe(1);
});`),
      'libs/b/test/b.test.ts': testFile(`it('fails', () => expect(1).toBe(2));`),
    });
    const child = runChild({
      root,
      files: [
        { file: 'libs/a/test/a.test.ts', target: 'libs/a' },
        { file: 'libs/b/test/b.test.ts', target: 'libs/b' },
      ],
      retries: 0,
      isolation: 'process',
    });
    const { code, stdout } = await child.done;
    // Red tests are a result, not the process's exit code; stdout is exactly our JSON.
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    const result = JSON.parse(lines[0] ?? '') as VitestRunResult;
    expect(result.targets.map((t) => [t.target, t.status])).toEqual([
      ['libs/a', 'passed'],
      ['libs/b', 'failed'],
    ]);
  });

  it('turns Ctrl-C into an interrupted result: vitest does not exit the process', async () => {
    const root = fixtureRoot({
      'libs/a/test/stuck.test.ts': testFile(`it('never ends', () => {
  const end = Date.now() + 120_000;
  while (Date.now() < end) {}
}, 300_000);`),
    });
    const child = runChild({
      root,
      files: [{ file: 'libs/a/test/stuck.test.ts', target: 'libs/a' }],
      retries: 0,
    });
    await child.waitFor('started libs/a/test/stuck.test.ts');
    const interruptedAt = performance.now();
    child.process.kill('SIGINT');
    const { code, stdout } = await child.done;
    expect(performance.now() - interruptedAt).toBeLessThan(10_000);
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as VitestRunResult;
    expect(result.status).toBe('interrupted');
    expect(result.targets[0]?.files[0]?.status).toBe('interrupted');
  });
});
