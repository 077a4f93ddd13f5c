import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { serialize } from 'node:v8';
import { isMainlineError } from '@mainline/core';
import { FingerprintMemo } from '@mainline/change';
import { createWorkspaceRepo, makeTempDir } from '@mainline/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { type PipelineRequest, runPipeline } from '../src/index.ts';
import { fakeExecutor } from './fake-executor.ts';

vi.hoisted(() => {
  // Fingerprints are remembered only by a build that knows its definition of them (the
  // bundler names it); from source, this file's stands in, so the memo is kept here.
  (globalThis as Record<string, unknown>).MAINLINE_FINGERPRINT_ID = 'engine-test';
});

function requestFor(dir: string, state: string): Omit<PipelineRequest, 'executor'> {
  return {
    kind: 'test',
    command: 'test',
    cwd: dir,
    env: {},
    state,
    selection: { names: [], all: true },
    typecheck: false,
  };
}

describe('a run of a tree seen before', () => {
  it('takes keys and test files from the memo, and reads the files only to build', async () => {
    const repo = createWorkspaceRepo();
    const state = makeTempDir('engine-state');
    const request = requestFor(repo.dir, state);
    const tree = repo.git('rev-parse', 'HEAD^{tree}');
    const cold = fakeExecutor();
    expect((await runPipeline({ ...request, executor: cold })).summary.status).toBe('passed');
    const memo = new FingerprintMemo(state);
    expect(memo.read(tree)).toMatchObject({
      buildFile: repo.git('rev-parse', 'HEAD:BUILD.json'),
      packagesChecked: true,
      testFiles: new Map([
        ['libs/a', ['libs/a/test/a.test.ts']],
        ['libs/b', ['libs/b/test/b.test.ts']],
        ['properties/app', []],
      ]),
    });

    const cached = fakeExecutor();
    const again = await runPipeline({ ...request, executor: cached });
    expect(again.summary.tests.map((test) => [test.target, test.status])).toEqual([
      ['libs/a', 'cached'],
      ['libs/b', 'cached'],
      ['properties/app', 'no-tests'],
    ]);
    expect(cached.asked).toEqual([]);

    // Builds that must run again read the snapshot's files then, and are given what a
    // run that read them up front gave.
    rmSync(join(state, 'cache'), { recursive: true });
    rmSync(join(state, 'out'), { recursive: true });
    const rebuilt = fakeExecutor();
    await runPipeline({ ...request, executor: rebuilt });
    const compiles = (asked: string[][]) =>
      asked.filter(([what]) => what?.startsWith('compile')).sort();
    expect(compiles(rebuilt.asked)).toEqual(compiles(cold.asked));
    expect(compiles(rebuilt.asked)).toHaveLength(3);

    // The remembered test files are the ones the run goes by.
    const remembered = memo.read(tree);
    if (remembered?.testFiles === undefined) throw new Error('no test files remembered');
    const testFiles = new Map(remembered.testFiles);
    testFiles.set('libs/a', ['libs/a/test/a.test.ts', 'libs/a/test/gone.test.ts']);
    writeFileSync(
      join(state, 'fingerprints', `engine-test-${tree}.v8`),
      serialize({ ...remembered, testFiles }),
    );
    const trusted = await runPipeline({ ...request, executor: fakeExecutor() });
    expect(trusted.summary.tests[0]?.warnings).toEqual([
      { file: 'libs/a/test/gone.test.ts', message: 'declares no test: nothing was checked' },
    ]);
  });

  it('fails on a broken package.json every time, even when every result is cached', async () => {
    const repo = createWorkspaceRepo();
    // Package files outside the targets' sources: breaking one changes no key.
    const buildFile = JSON.parse(readFileSync(join(repo.dir, 'BUILD.json'), 'utf8')) as {
      targets: Record<string, { srcs: string[] }>;
    };
    for (const target of Object.values(buildFile.targets)) {
      target.srcs = target.srcs.filter((glob) => !glob.endsWith('package.json'));
    }
    repo.write({ 'BUILD.json': JSON.stringify(buildFile) });
    repo.commit('package files outside the sources');
    const state = makeTempDir('engine-state');
    const request = requestFor(repo.dir, state);
    await runPipeline({ ...request, executor: fakeExecutor() });

    const manifest = join(repo.dir, 'libs/b/package.json');
    const good = readFileSync(manifest, 'utf8');
    writeFileSync(manifest, good.replace('@fx/b', '@fx/a'));
    for (const attempt of [1, 2]) {
      const failed = await runPipeline({ ...request, executor: fakeExecutor() }).catch(
        (error: unknown) => error,
      );
      expect(isMainlineError(failed) && failed.code, `attempt ${attempt}`).toBe(
        'packageJsonInvalid',
      );
    }
    writeFileSync(manifest, good);
    const fixed = fakeExecutor();
    const run = await runPipeline({ ...request, executor: fixed });
    expect(run.summary.builds.map((build) => build.status)).toEqual(['cached', 'cached', 'cached']);
    expect(fixed.asked).toEqual([]);
  });
});
