import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readlinkSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { measure } from '../src/bench/measure.ts';
import type { RunBenchReport } from '../src/bench/run-bench.ts';
import { parseRunBenchArgs } from '../src/bench/run-options.ts';
import { changedSource, prepareRunRepo } from '../src/bench/run-repo.ts';
import { formatRunMarkdown, runVerdicts } from '../src/bench/run-report.ts';
import {
  checkMainlineRun,
  checkTurboRun,
  parseMainlineRun,
  parseTurboSummary,
  rerunTargets,
  summedSeconds,
} from '../src/bench/run-results.ts';
import type { TimedCase } from '../src/bench/timed-case.ts';
import { clearTurboState, linkRunNodeModules, withTestScript } from '../src/bench/turbo-setup.ts';
import { readJson, readText, tempDir } from './helpers.ts';

const runJson = (builds: string[], tests: string[]): string =>
  JSON.stringify({
    runId: 1,
    status: 'passed',
    builds: builds.map((status, i) => ({ target: `libs/l0-${i}`, status, durationMs: 1500 })),
    tests: tests.map((status, i) => ({ target: `libs/l0-${i}`, status, durationMs: 500 })),
  });

describe('bench:run result checks', () => {
  it('reads mainline test --json and checks cold, cached and partial runs', () => {
    const cold = runJson(['passed', 'passed'], ['passed', 'passed']);
    const counts = { builds: 2, tests: 2 };
    expect(checkMainlineRun(cold, 'cold', counts)).toBeNull();
    expect(checkMainlineRun(cold, 'cached', counts)).toBe(
      '2 builds not cached (first: libs/l0-0 passed)',
    );
    const mixed = runJson(['cached', 'passed'], ['cached', 'cached']);
    expect(checkMainlineRun(mixed, 'partial', counts)).toBeNull();
    expect(checkMainlineRun(mixed, 'cold', counts)).toMatch(/^1 builds not passed/);
    const failed = runJson(['passed', 'passed'], ['passed', 'failed']);
    expect(checkMainlineRun(failed, 'partial', counts)).toBe(
      '1 tests not passed or cached (first: libs/l0-1 failed)',
    );
    expect(checkMainlineRun(cold, 'cold', { builds: 3, tests: 2 })).toBe(
      '2 builds in the JSON, expected 3',
    );
    expect(checkMainlineRun('mainline test: 2 targets', 'cold', counts)).toMatch(/no JSON/);

    const run = parseMainlineRun(mixed);
    expect(run && rerunTargets(run)).toEqual(['libs/l0-1']);
    expect(run && summedSeconds(run.builds)).toBe(3);
  });

  it('reads turbo summaries, coloured or not, and checks cold and cached replays', () => {
    const cold =
      '\u001b[1m Tasks:\u001b[0m    3 successful, 3 total\nCached:    0 cached, 3 total\n';
    const full =
      ' Tasks:    3 successful, 3 total\nCached:    3 cached, 3 total\n  Time: 0.1s >>> FULL TURBO\n';
    expect(parseTurboSummary(cold)).toEqual({
      successful: 3,
      total: 3,
      cached: 0,
      fullTurbo: false,
    });
    expect(checkTurboRun(cold, 'cold', 3)).toBeNull();
    expect(checkTurboRun(full, 'cached', 3)).toBeNull();
    expect(checkTurboRun(full, 'cold', 3)).toBe('turbo: 3 cache hits');
    expect(checkTurboRun(cold, 'cached', 3)).toMatch(/0 of 3 cached/);
    expect(checkTurboRun(cold, 'cold', 4)).toMatch(/3 successful of 3 tasks, expected 4/);
    expect(checkTurboRun('ERROR run failed', 'cold', 3)).toMatch(/no Tasks\/Cached summary/);
  });

  it('parses flags', () => {
    expect(parseRunBenchArgs([])).toMatchObject({ targets: 200, largeTargets: 1000, runs: 5 });
    const options = parseRunBenchArgs(['--targets', '50', '--runs', '3', '--skip-turbo']);
    expect(options).toMatchObject({ targets: 50, runs: 3, skipTurbo: true, json: false });
    expect(() => parseRunBenchArgs(['--runs', '0'])).toThrow(/integer >= 1/);
  });

  it('measures with a hook before each run and rejects a run its check refuses', () => {
    const dir = tempDir();
    const seen: number[] = [];
    const spec = {
      program: process.execPath,
      args: ['-e', 'console.log("ok")'],
      cwd: dir,
      env: {},
    };
    const ok = measure(spec, 2, { before: (run) => seen.push(run), check: () => null });
    expect(seen).toEqual([0, 1, 2]);
    expect(ok.ok && ok.value.wallSeconds).toHaveLength(2);
    const cold = measure(spec, 1, { warmUp: false, check: (out) => (out ? 'stale' : null) });
    expect(cold).toEqual({ ok: false, error: 'run 1: stale' });
  });
});

describe('bench:run repo', () => {
  it('commits test scripts and turbo.json, and links what vitest and the packages need', () => {
    const cacheDir = tempDir();
    const repo = prepareRunRepo(cacheDir, 12, false);
    const status = execFileSync('git', ['status', '--porcelain'], { cwd: repo.dir });
    expect(status.toString()).toBe('');
    const first = repo.packages[0];
    if (!first) throw new Error('no packages');
    expect(readJson<{ scripts: unknown }>(repo.dir, `${first.name}/package.json`).scripts).toEqual({
      test: 'vitest run',
    });
    expect(readText(repo.dir, 'turbo.json')).toContain('"transit"');
    expect(repo.expectedNames).toContain(repo.changedTarget);
    expect(repo.changedFile.startsWith(`${repo.changedTarget}/src/`)).toBe(true);
    expect(prepareRunRepo(cacheDir, 12, false).generationSeconds).toBeNull();

    linkRunNodeModules(repo.dir, repo.packages);
    linkRunNodeModules(repo.dir, repo.packages);
    const nodeModules = join(repo.dir, 'node_modules');
    expect(realpathSync(join(nodeModules, '@synth', first.id))).toBe(
      realpathSync(join(repo.dir, first.name)),
    );
    expect(readlinkSync(join(nodeModules, '.bin', 'vitest'))).toBe('../vitest/vitest.mjs');
    expect(existsSync(join(nodeModules, 'vitest', 'package.json'))).toBe(true);
    expect(execFileSync('git', ['status', '--porcelain'], { cwd: repo.dir }).toString()).toBe('');

    mkdirSync(join(repo.dir, first.name, 'node_modules', '.vite'), { recursive: true });
    mkdirSync(join(repo.dir, '.turbo', 'cache'), { recursive: true });
    clearTurboState(repo.dir, repo.packages);
    expect(existsSync(join(repo.dir, '.turbo'))).toBe(false);
    expect(existsSync(join(repo.dir, first.name, 'node_modules'))).toBe(false);
  });

  it('adds a test script and a unique new export', () => {
    const manifest = withTestScript('{ "name": "@synth/l0-0", "scripts": { "lint": "x" } }');
    expect(JSON.parse(manifest)).toEqual({
      name: '@synth/l0-0',
      scripts: { lint: 'x', test: 'vitest run' },
    });
    expect(changedSource('export const a = 1;\n', 3)).toBe(
      'export const a = 1;\nexport const bench_change_3 = 3;\n',
    );
  });
});

describe('bench:run report', () => {
  const timed = (id: TimedCase['id'], repoTargets: number, seconds: number): TimedCase => ({
    id,
    repoTargets,
    tool: id.startsWith('turbo') ? 'turbo 2.11.11' : 'mainline',
    command: id,
    runs: 5,
    warmUp: true,
    medianWallSeconds: seconds,
    wallSeconds: [seconds],
    peakRssMiB: 100,
    verified: 'checked',
    loadAfter: [1, 1, 1],
    error: null,
    lastStdout: '',
  });
  const report: RunBenchReport = {
    node: 'v20.0.0',
    cpus: 2,
    runs: 5,
    mainline: 'mainline',
    turbo: '2.11.11 (native binary)',
    loadBefore: [0.5, 0.5, 0.5],
    loadAfter: [2, 2, 2],
    repos: [
      { targets: 200, dir: '/tmp/a', generationSeconds: null },
      { targets: 1000, dir: '/tmp/b', generationSeconds: 3 },
    ],
    cases: [
      timed('mainline-cold', 200, 20),
      timed('mainline-cached', 200, 0.5),
      timed('turbo-cold', 200, 100),
      timed('turbo-cached', 200, 0.2),
      timed('mainline-cached', 1000, 2.5),
    ],
    change: {
      changedFile: 'libs/l4-0/src/m1.ts',
      expected: 5,
      rerun: 5,
      rerunStable: true,
      affected: 5,
      equal: true,
      error: null,
    },
    coldSums: { buildSeconds: 8, testSeconds: 50 },
  };

  it('compares the medians with the targets of the issue', () => {
    expect(runVerdicts(report).map((v) => [v.value, v.met])).toEqual([
      ['0.200x', true],
      ['0.500 s', true],
      ['2.500 s', false],
      ['2.500x', false],
      ['5 / 5 / 5', true],
    ]);
    const failed = {
      ...report,
      cases: report.cases.map((c) =>
        c.id === 'turbo-cold' ? { ...c, medianWallSeconds: null, error: 'exit 1: boom' } : c,
      ),
    };
    expect(runVerdicts(failed)[0]).toMatchObject({ value: 'n/a', met: null });
    const text = formatRunMarkdown(failed);
    expect(text).toContain('| 200 | turbo 2.11.11 | `turbo-cold` | 5+1 | failed |');
    expect(text).toContain('- 200 / turbo-cold: exit 1: boom');
    expect(text).toContain('| fully cached test --all, 1000 targets | 2.500 s | <= 2 s | NO |');
  });
});
