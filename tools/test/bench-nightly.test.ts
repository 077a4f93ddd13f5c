import { execFileSync } from 'node:child_process';
import { readlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { NightlyBenchReport } from '../src/bench/nightly-bench.ts';
import { parseNightlyBenchArgs } from '../src/bench/nightly-bench.ts';
import { formatNightlyMarkdown, nightlyVerdicts } from '../src/bench/nightly-bench-report.ts';
import { prepareNightlyRepo, withBuildScript } from '../src/bench/nightly-repo.ts';
import {
  checkNightlyReports,
  checkNightlyRun,
  reportSeconds,
} from '../src/bench/nightly-results.ts';
import type { TimedCase } from '../src/bench/timed-case.ts';
import { readJson, readText, tempDir } from './helpers.ts';

const night = (targets: { status: string; build: string; tests: number }[], status = 'passed') =>
  JSON.stringify({
    status,
    targets: targets.map((t, i) => ({
      name: `libs/l0-${i}`,
      status: t.status,
      build: { status: t.build },
      test: { status: 'passed', tests: Array.from({ length: t.tests }, () => ({})) },
    })),
  });
const green = { status: 'green', build: 'passed', tests: 10 };

describe('bench:nightly result checks', () => {
  it('wants every target built afresh and green with its tests', () => {
    expect(checkNightlyRun(night([green, { ...green, status: 'flaky' }]), 2, 10)).toBeNull();
    expect(checkNightlyRun(night([green]), 2, 10)).toBe('1 targets in the JSON, expected 2');
    expect(checkNightlyRun(night([green], 'failed'), 1, 10)).toBe('status failed, expected passed');
    expect(checkNightlyRun(night([{ ...green, build: 'cached' }]), 1, 10)).toBe(
      'libs/l0-0: green, build cached, 10 tests (expected green, built afresh, 10 tests)',
    );
    expect(checkNightlyRun(night([{ ...green, tests: 3 }]), 1, 10)).toMatch(/3 tests/);
    expect(checkNightlyRun('mainline nightly: 1 target', 1, 10)).toMatch(/no JSON/);
  });

  it('wants the four report files, nightly.json parsing', () => {
    const dir = tempDir();
    expect(checkNightlyReports(dir)).toBe(
      `missing from ${dir}: nightly.json, junit.xml, summary.md, report.html`,
    );
    for (const file of ['junit.xml', 'summary.md', 'report.html'])
      writeFileSync(join(dir, file), '');
    writeFileSync(join(dir, 'nightly.json'), '{');
    expect(checkNightlyReports(dir)).toMatch(/nightly\.json does not parse/);
    writeFileSync(join(dir, 'nightly.json'), '{}');
    expect(checkNightlyReports(dir)).toBeNull();
  });

  it("reads the reports' time from the nightly's stderr", () => {
    const stderr = 'reports: /tmp/r\nreports written 0.412 s after the run ended\n';
    expect(reportSeconds(stderr)).toBe(0.412);
    expect(reportSeconds('reports: /tmp/r\n')).toBeNull();
  });

  it('parses flags', () => {
    expect(parseNightlyBenchArgs([])).toMatchObject({ targets: 200, largeTargets: 1000, runs: 5 });
    expect(parseNightlyBenchArgs(['--large-targets', '0', '--skip-turbo'])).toMatchObject({
      largeTargets: 0,
      skipTurbo: true,
    });
    expect(() => parseNightlyBenchArgs(['--runs', '0'])).toThrow(/integer >= 1/);
  });
});

describe('bench:nightly report', () => {
  const timed = (id: TimedCase['id'], repoTargets: number, median: number): TimedCase => ({
    id,
    repoTargets,
    tool: id.startsWith('turbo') ? 'turbo 2.11.13' : 'mainline',
    command: id,
    runs: 5,
    warmUp: true,
    medianWallSeconds: median,
    wallSeconds: [median],
    peakRssMiB: 300,
    verified: 'checked',
    loadAfter: [1, 1, 1],
    error: null,
    lastStdout: '',
  });
  const report: NightlyBenchReport = {
    node: 'v20',
    cpus: 2,
    runs: 5,
    mainline: 'mainline',
    turbo: '2.11.13 (native binary)',
    loadBefore: [1, 1, 1],
    loadAfter: [2, 2, 2],
    repos: [
      { targets: 200, dir: '/r200', generationSeconds: null },
      { targets: 1000, dir: '/r1000', generationSeconds: null },
    ],
    cases: [
      timed('mainline-nightly', 200, 60),
      timed('turbo-build-test', 200, 300),
      timed('mainline-nightly', 1000, 250),
    ],
    reportTimes: [
      { targets: 200, seconds: [0.2, 0.3, 0.25] },
      { targets: 1000, seconds: [2.5] },
    ],
  };

  it("tells whether issue 13's targets are met", () => {
    expect(nightlyVerdicts(report)).toEqual([
      {
        label: 'full nightly, 200 targets: mainline nightly / turbo run build test',
        value: '0.200x',
        target: '<= 0.3x',
        met: true,
      },
      {
        label: 'producing the reports, 1000 targets',
        value: '2.500 s',
        target: '<= 2 s',
        met: false,
      },
    ]);
    const markdown = formatNightlyMarkdown(report);
    expect(markdown).toContain('| 200 | turbo 2.11.13 | `turbo-build-test` | 5+1 | 300.000 |');
    expect(markdown).toContain(
      "reports, 200 targets (from the run's end to the 4 files written): median 0.250 s",
    );
    expect(markdown).toContain('| producing the reports, 1000 targets | 2.500 s | <= 2 s | NO |');
  });
});

describe('bench:nightly repository', () => {
  it("is bench:run's with a build script and tsconfig.json in each package, committed", () => {
    const cacheDir = tempDir();
    const repo = prepareNightlyRepo(cacheDir, 4, false);
    expect(execFileSync('git', ['status', '--porcelain'], { cwd: repo.dir }).toString()).toBe('');
    const first = repo.packages[0];
    if (!first) throw new Error('no packages');
    expect(readJson<{ scripts: unknown }>(repo.dir, `${first.name}/package.json`).scripts).toEqual({
      build: 'tsc -p tsconfig.json',
      test: 'vitest run',
    });
    expect(readJson(repo.dir, `${first.name}/tsconfig.json`)).toEqual({
      extends: '../../tsconfig.base.json',
      include: ['src'],
    });
    expect(readText(repo.dir, 'turbo.json')).toContain('"^build"');
    expect(readlinkSync(join(repo.dir, 'node_modules', '.bin', 'tsc'))).toBe(
      '../typescript/bin/tsc',
    );
    // The package's own type check passes, as turbo's build runs it.
    execFileSync(join(repo.dir, 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.json'], {
      cwd: join(repo.dir, first.name),
    });
    expect(JSON.parse(withBuildScript('{ "name": "x" }'))).toEqual({
      name: 'x',
      scripts: { build: 'tsc -p tsconfig.json', test: 'vitest run' },
    });
  });
});
