import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  createTempRepo,
  libSource,
  makeTempDir,
  runCli,
  trunkSandbox,
  tsconfigBase,
} from '../src/index.ts';
import type { NightlyReport } from '@mainline/nightly';

const manifest = (name: string) =>
  `${JSON.stringify({ name, type: 'module', exports: { '.': './src/index.ts' } })}\n`;

const lib = (name: string, deps: string[] = []) => ({
  kind: 'lib',
  srcs: [`${name}/src/**`, `${name}/package.json`],
  tests: [`${name}/test/**`],
  deps,
});

const vitestTest = (imports: string, body: string) =>
  `import { expect, it } from 'vitest';\n${imports}\nit('holds', () => {\n${body}\n});\n`;

/**
 * Five libs, each showing one thing a nightly must find: `c` fails for sure; `d` fails on
 * every other run (a counter outside the repository); `e` reads `data/flag.txt`, which no
 * target owns; `b` imports `a` from a test helper without declaring it (and depends on `c`),
 * and its test reads `data/flag.txt` too (the audit names it).
 */
function nightRepo() {
  const counter = join(makeTempDir('counter'), 'runs');
  return createTempRepo({
    files: {
      'package.json': `${JSON.stringify({ name: 'night', private: true, type: 'module', workspaces: ['libs/*'] })}\n`,
      'tsconfig.base.json': tsconfigBase,
      'BUILD.json': `${JSON.stringify(
        {
          version: 1,
          globalInputs: ['tsconfig.base.json'],
          targets: {
            'libs/a': lib('libs/a'),
            'libs/b': lib('libs/b', ['libs/c']),
            'libs/c': lib('libs/c'),
            'libs/d': lib('libs/d'),
            'libs/e': lib('libs/e'),
          },
        },
        null,
        2,
      )}\n`,
      'data/flag.txt': 'on\n',
      ...Object.fromEntries(
        ['a', 'b', 'c', 'd', 'e'].flatMap((name) => [
          [`libs/${name}/package.json`, manifest(`@night/${name}`)],
          [`libs/${name}/src/index.ts`, `export const ${name}: number = 1;\n`],
        ]),
      ),
      'libs/a/test/a.test.ts': vitestTest(
        "import { a } from '../src/index.ts';",
        "  expect(typeof a).toBe('number');",
      ),
      'libs/b/test/helper.ts': "export { a } from '../../a/src/index.ts';\n",
      'libs/b/test/b.test.ts': vitestTest(
        "import { readFileSync } from 'node:fs';\nimport { a } from './helper.ts';",
        "  readFileSync(new URL('../../../data/flag.txt', import.meta.url));\n  expect(a).toBe(1);",
      ),
      'libs/c/test/c.test.ts': vitestTest('', '  expect(1 + 1).toBe(3);'),
      'libs/d/test/d.test.ts': vitestTest(
        "import { existsSync, readFileSync, writeFileSync } from 'node:fs';",
        [
          `  const file = ${JSON.stringify(counter)};`,
          "  const runs = (existsSync(file) ? Number(readFileSync(file, 'utf8')) : 0) + 1;",
          '  writeFileSync(file, String(runs));',
          '  expect(runs % 2).toBe(0);',
        ].join('\n'),
      ),
      'libs/e/test/e.test.ts': vitestTest(
        "import { existsSync, readFileSync } from 'node:fs';",
        "  expect(readFileSync(new URL('../../../data/flag.txt', import.meta.url), 'utf8')).toBe('on\\n');",
      ),
    },
  });
}

const readReport = (dir: string): NightlyReport =>
  JSON.parse(readFileSync(join(dir, 'nightly.json'), 'utf8')) as NightlyReport;

describe('mainline nightly', () => {
  it('finds a failure, a flaky test, a non-hermetic test, a fix, and a missing edge', async () => {
    const repo = nightRepo();
    const reports = makeTempDir('nightly-reports');
    // A cached green result for e, before its unowned input changes.
    const cachedRun = await runCli(['test', 'libs/e', '--json'], { cwd: repo.dir });
    expect(cachedRun.code).toBe(0);
    const cachedRunId = (JSON.parse(cachedRun.stdout) as { runId: number }).runId;
    repo.write({ 'data/flag.txt': 'off\n' });
    const first = repo.commit('flag off');

    const night1 = await runCli(['nightly', '--report', reports, '--json'], {
      cwd: repo.dir,
      timeoutMs: 120_000,
    });
    expect(night1.stderr).toContain(`reports: ${reports}\n`);
    expect(night1.code).toBe(1);
    const one = JSON.parse(night1.stdout) as NightlyReport;
    expect(readReport(reports)).toEqual(one);
    expect(one).toMatchObject({ version: 1, commit: first, status: 'failed', audit: [] });
    expect(one.previous).toBeUndefined();
    expect(one.counts).toEqual({ red: 2, flaky: 1, green: 2, skipped: 0, noTests: 0 });
    const c = one.targets.find((t) => t.name === 'libs/c');
    expect(c?.status).toBe('red');
    expect(c?.test?.tests[0]).toMatchObject({ status: 'failed', attempts: 3 });
    expect(c?.test?.tests[0]?.message).toContain('expected 2 to be 3');
    // Built afresh, though nothing asked for it: no build is taken from the cache.
    expect(one.targets.map((t) => t.build.status)).toEqual(Array(5).fill('passed'));
    expect(one.flakyTests).toEqual([
      {
        target: 'libs/d',
        file: 'libs/d/test/d.test.ts',
        name: 'holds',
        rate: 1,
        results: 1,
        flakyTonight: true,
        quarantine: true,
      },
    ]);
    expect(one.cacheHonesty).toEqual([
      expect.objectContaining({
        target: 'libs/e',
        phase: 'test',
        cached: { status: 'passed', runId: cachedRunId },
        fresh: { status: 'failed' },
      }),
    ]);
    const junit = readFileSync(join(reports, 'junit.xml'), 'utf8');
    expect(junit).toMatch(/^<\?xml/);
    expect(junit).toMatch(/<testcase[^>]*name="holds"[^>]*>\s*<failure/);
    expect(readFileSync(join(reports, 'report.html'), 'utf8')).toMatch(/^<!doctype html>/i);
    expect(readFileSync(join(reports, 'summary.md'), 'utf8')).toMatch(
      /^## mainline nightly: red at `[0-9a-f]{12}`\n\n5 targets: 2 red, 1 flaky, 2 green/,
    );

    // c is fixed; a changes, which b's test helper reads though b does not declare it.
    repo.write({
      'libs/c/test/c.test.ts': vitestTest('', '  expect(1 + 1).toBe(2);'),
      'libs/a/src/index.ts': 'export const a: number = 2;\n',
    });
    const second = repo.commit('fix c, change a');
    const night2 = await runCli(['nightly', '--report', reports], {
      cwd: repo.dir,
      timeoutMs: 120_000,
    });
    expect(night2.code).toBe(1);
    const two = readReport(reports);
    expect(two.previous).toEqual({
      runId: one.runId,
      commit: first,
      startedAt: one.startedAt,
    });
    expect(two.commit).toBe(second);
    expect(two.comparison).toMatchObject({
      newlyRed: ['libs/b'],
      fixed: ['libs/c'],
      stillRed: ['libs/e'],
      newlyFlaky: [],
    });
    expect(two.flakyTests[0]).toMatchObject({ target: 'libs/d', rate: 1, results: 2 });
    expect(two.audit).toEqual([
      {
        target: 'libs/b',
        suspicion: 'missing-edge',
        changedFiles: [
          { path: 'libs/c/test/c.test.ts', owners: ['libs/c'], distance: 1 },
          { path: 'libs/a/src/index.ts', owners: ['libs/a'], distance: null },
        ],
        undeclaredImports: [
          { file: 'libs/b/test/helper.ts:1:19', imported: '../../a/src/index.ts', owner: 'libs/a' },
        ],
        unownedReads: ['data/flag.txt'],
      },
    ]);
    expect(night2.stdout).toContain(
      `since the nightly of ${one.startedAt} (run ${one.runId}): newly red libs/b; fixed libs/c; still red libs/e; newly flaky none\n`,
    );
    expect(night2.stdout).toContain(
      "audit: libs/b is red and no change explains it: suspected missing edge; libs/b/test/helper.ts:1:19 imports '../../a/src/index.ts', owned by libs/a, not a dep; changed libs/c/test/c.test.ts (libs/c, 1 away); changed libs/a/src/index.ts (libs/a, not connected); its tests read data/flag.txt, owned by no target\n",
    );
    expect(night2.stdout).toContain(`reports: ${reports}\n`);
  }, 180_000);

  it("with --trunk, tests the remote trunk tip in mainline's own clone, not the working tree", async () => {
    const sandbox = await trunkSandbox(1, {}, { baseline: false });
    // A person's edit in progress, which would fail the test: the trunk tip is what runs.
    sandbox.work.write({ 'libs/t1/src/index.ts': libSource(2) });
    const head = sandbox.work.head();
    const result = await runCli(['nightly', '--trunk', '--json'], {
      cwd: sandbox.work.dir,
      timeoutMs: 120_000,
    });
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as NightlyReport;
    expect(report).toMatchObject({ commit: sandbox.tip(), status: 'passed' });
    expect(report.targets.map((t) => [t.name, t.status])).toEqual([['libs/t1', 'green']]);
    expect(existsSync(join(sandbox.work.dir, '.mainline/nightly/clone/.git'))).toBe(true);
    expect(sandbox.work.head()).toBe(head);
    expect(readFileSync(join(sandbox.work.dir, 'libs/t1/src/index.ts'), 'utf8')).toBe(libSource(2));
  }, 180_000);

  it('refuses bad input with exit 2 before running anything', async () => {
    const repo = createTempRepo({ files: { 'BUILD.json': '{"version":1,"targets":{}}\n' } });
    const result = await runCli(['nightly', '--retries', 'x'], { cwd: repo.dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      "mainline: --retries must be a whole number of at least 0, not 'x'\n  hint: e.g. --retries 2\n",
    );
  });
});
