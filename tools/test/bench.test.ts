import { execFileSync } from 'node:child_process';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runAffectedBench } from '../src/bench/affected.ts';
import {
  checkAffected,
  parseMainline,
  parseNx,
  parseTurbo,
} from '../src/bench/affected-results.ts';
import { prepareBenchRepo } from '../src/bench/bench-repo.ts';
import { median } from '../src/bench/measure.ts';
import { parseBenchArgs } from '../src/bench/options.ts';
import { formatMarkdown } from '../src/bench/report.ts';
import { tempDir } from './helpers.ts';

describe('bench helpers', () => {
  it('reads affected lists from each tool and checks them against the expected set', () => {
    const expected = ['libs/l2-0', 'libs/l3-1', 'properties/p0'];
    const mainline = JSON.stringify({ affected: expected.map((name) => ({ name, kind: 'lib' })) });
    const turbo = JSON.stringify({
      packages: {
        count: 2,
        items: [
          { name: '@synth/l2-0', path: 'libs/l2-0' },
          { name: '@synth/l3-1', path: 'libs/l3-1' },
        ],
      },
    });
    const nx = `banner\n${JSON.stringify(['@synth/l2-0', '@synth/l3-1', '@synth/p0'])}`;
    expect(checkAffected(parseMainline(mainline), expected)).toEqual({ count: 3, correct: true });
    expect(checkAffected(parseTurbo(turbo), expected)).toEqual({ count: 2, correct: false });
    expect(checkAffected(parseNx(nx), expected)).toEqual({ count: 3, correct: true });
    expect(checkAffected(parseMainline('mainline\n'), expected)).toBeNull();
  });

  it('takes the median of odd and even samples', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
  });

  it('parses flags', () => {
    const options = parseBenchArgs(['--sizes', '100,2_000', '--runs', '3', '--compare', '--json']);
    expect(options).toMatchObject({ sizes: [100, 2000], runs: 3, compare: true, json: true });
    expect(() => parseBenchArgs(['--sizes', '10,x'])).toThrow(/positive integers/);
    expect(parseBenchArgs(['--lockfile', 'yarn-classic,pnpm']).lockfiles).toEqual([
      'yarn-classic',
      'pnpm',
    ]);
    expect(() => parseBenchArgs(['--lockfile', 'bun'])).toThrow(/--lockfile expects/);
  });
});

describe('bench repo and run', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('commits a lockfile bump, then a one-file change in a mid-graph lib, and reuses the cached repo', () => {
    const cacheDir = tempDir();
    const repo = prepareBenchRepo(cacheDir, 60, false, 'pnpm');
    const changed = execFileSync('git', ['diff', '--name-only', 'HEAD~1', 'HEAD'], {
      cwd: repo.dir,
      encoding: 'utf8',
    });
    expect(changed.trim()).toBe(repo.changedFile);
    expect(repo.changedFile.startsWith(`${repo.changedTarget}/src/`)).toBe(true);
    expect(repo.expectedNames).toContain(repo.changedTarget);
    expect(repo.expectedAffected).toBe(repo.expectedNames.length);
    expect(repo.generationSeconds).not.toBeNull();
    const again = prepareBenchRepo(cacheDir, 60, false, 'pnpm');
    expect(again.generationSeconds).toBeNull();
    expect(again.expectedNames).toEqual(repo.expectedNames);
    const bump = execFileSync('git', ['diff', '--unified=0', 'HEAD~2', 'HEAD~1'], {
      cwd: repo.dir,
      encoding: 'utf8',
    });
    expect(bump).toContain('+++ b/pnpm-lock.yaml');
    expect(bump).toMatch(/^\+ {2}[a-z-]+@\d+\.\d+\.\d+:$/m);
    expect(repo.lockfileExpectedNames.length).toBeGreaterThan(0);
  });

  it('times a launcher, checks its affected list and reports a failing command without a time', () => {
    const cacheDir = tempDir();
    const launcher = join(cacheDir, 'fake-mainline.mjs');
    // A stand-in for the CLI: --version works, affected claims nothing is affected.
    writeFileSync(
      launcher,
      '#!/usr/bin/env node\n' +
        "if (process.argv.includes('--version')) console.log('0.0.0');\n" +
        "else if (process.argv.includes('affected')) console.log(JSON.stringify({ affected: [] }));\n",
    );
    chmodSync(launcher, 0o755);
    // With the variable set, Node's start without it is measured too (see benchCases).
    const certs = join(cacheDir, 'extra.pem');
    writeFileSync(certs, '');
    vi.stubEnv('NODE_EXTRA_CA_CERTS', certs);
    const report = runAffectedBench(
      {
        sizes: [30],
        lockfiles: ['npm'],
        runs: 2,
        compare: false,
        json: false,
        cacheDir,
        fresh: false,
        mainline: launcher,
      },
      () => {},
    );
    const results = report.sizes[0]?.results ?? [];
    expect(results.map((r) => r.tool)).toEqual([
      'node -e 0 (baseline)',
      'node -e 0, NODE_EXTRA_CA_CERTS empty',
      'mainline --version',
      'mainline affected',
      'mainline affected, lockfile bump',
    ]);
    for (const result of results) {
      expect(result.error).toBeNull();
      expect(result.wallSeconds).toHaveLength(2);
      expect(result.medianWallSeconds).toBeGreaterThan(0);
    }
    expect(results[3]).toMatchObject({ affectedCount: 0, affectedCorrect: false });
    expect(formatMarkdown(report)).toMatch(
      /\| 30 npm \| mainline affected \| [\d.]+ \| \d* \| 0 \(WRONG, expected \d+\) \|/,
    );

    writeFileSync(
      launcher,
      "#!/usr/bin/env node\nprocess.stderr.write('mainline: not built\\n'); process.exit(2);\n",
    );
    const failing = runAffectedBench(
      {
        sizes: [30],
        lockfiles: ['npm'],
        runs: 1,
        compare: false,
        json: false,
        cacheDir,
        fresh: false,
        mainline: launcher,
      },
      () => {},
    );
    const affected = failing.sizes[0]?.results[2];
    expect(affected?.error).toBe('exit 2: mainline: not built');
    expect(affected?.medianWallSeconds).toBeNull();
    expect(formatMarkdown(failing)).toContain(
      '- 30 / mainline affected: exit 2: mainline: not built',
    );
  });
});
