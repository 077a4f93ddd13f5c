import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openStore } from '@mainline/store';
import { describe, expect, it } from 'vitest';
import { createWorkspaceRepo, type JsonRun, runCli, runJson, startCli } from '../src/index.ts';

/** A test that runs long enough to be interrupted while vitest runs it. */
const slowTest =
  "import { it } from 'vitest';\n\nit('takes long', async () => {\n  await new Promise((resolve) => setTimeout(resolve, 30_000));\n}, 60_000);\n";

const statuses = (results: readonly { target: string; status: string }[]) =>
  Object.fromEntries(results.map((result) => [result.target, result.status]));

describe('mainline build and test', () => {
  it('builds deps first and tests, then serves an unchanged rerun from the cache', async () => {
    const repo = createWorkspaceRepo();
    const first = await runJson(['test', '--all'], repo.dir);
    expect(first.code).toBe(0);
    expect(statuses(first.run.builds)).toEqual({
      'libs/a': 'passed',
      'libs/b': 'passed',
      'properties/app': 'passed',
    });
    expect(statuses(first.run.tests)).toEqual({
      'libs/a': 'passed',
      'libs/b': 'passed',
      'properties/app': 'no-tests',
    });
    expect(first.run.tests.find((t) => t.target === 'libs/b')?.tests).toMatchObject([
      { file: 'libs/b/test/b.test.ts', name: 'is three', status: 'passed', attempts: 1 },
    ]);
    // The property's bundle holds its upstream libs, from source: it runs on its own.
    const bundle = join(repo.dir, '.mainline/out/properties/app/src/main.js');
    expect(execFileSync(process.execPath, [bundle], { encoding: 'utf8' })).toBe('three is 3\n');

    const again = await runCli(['test', '--all'], { cwd: repo.dir });
    expect(again.code).toBe(0);
    // Cached results are counted, not listed.
    expect(again.stderr).toContain('  build 3 targets cached\n');
    expect(again.stderr).toContain('  test  2 targets cached\n');
    expect(again.stderr).not.toContain('vitest run');
    expect(again.stdout).toMatch(
      /^passed: 2 targets tested, 2 passed \(2 cached\), 1 without tests/m,
    );
  });

  it('says so when nothing differs from trunk, and how to run anyway', async () => {
    const repo = createWorkspaceRepo();
    const result = await runCli(['test'], { cwd: repo.dir });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('mainline: no target is affected by the working tree');
    expect(result.stderr).toContain('hint: name targets, or use --all');
  });

  it('after a change to one lib reruns exactly what it affects', async () => {
    const repo = createWorkspaceRepo();
    const first = await runJson(['test', '--all'], repo.dir);
    expect(first.code).toBe(0);
    repo.write({
      'libs/b/src/index.ts':
        "import { add } from '@fx/a';\n\nexport const three: number = add(2, 1);\n",
    });
    const { code, run } = await runJson(['test', '--all'], repo.dir);
    expect(code).toBe(0);
    expect(statuses(run.builds)).toEqual({
      'libs/a': 'cached',
      'libs/b': 'passed',
      'properties/app': 'passed',
    });
    expect(statuses(run.tests)).toMatchObject({ 'libs/a': 'cached', 'libs/b': 'passed' });
    // A cached target's test cases read as they did when they ran (whole milliseconds).
    const casesOf = (tests: typeof run.tests) =>
      tests
        .find((t) => t.target === 'libs/a')
        ?.tests.map((test) => ({ ...test, durationMs: Math.round(test.durationMs) }));
    expect(casesOf(run.tests)).toEqual(casesOf(first.run.tests));
    // --affected (the default) selects from the trunk's merge-base to the working tree.
    const affected = await runJson(['build'], repo.dir);
    expect(affected.run.builds.map((b) => b.target)).toEqual([
      'libs/a',
      'libs/b',
      'properties/app',
    ]);
    expect(affected.run.tests).toEqual([]);
  });

  it('fails a lib whose code no longer type-checks against a changed dep, skipping its dependents', async () => {
    const repo = createWorkspaceRepo();
    repo.write({
      'libs/a/src/index.ts':
        'export function add(x: string, y: number): string {\n  return x + y;\n}\n',
    });
    const { code, run } = await runJson(['test', '--all'], repo.dir);
    expect(code).toBe(1);
    expect(statuses(run.builds)).toEqual({
      'libs/a': 'passed',
      'libs/b': 'failed',
      'properties/app': 'skipped',
    });
    const b = run.builds.find((build) => build.target === 'libs/b');
    expect(b?.diagnostics).toContainEqual(
      expect.objectContaining({ file: 'libs/b/src/index.ts', line: 3, severity: 'error' }),
    );
    expect(run.builds.find((build) => build.target === 'properties/app')?.failedDep).toBe('libs/b');
    expect(statuses(run.tests)).toEqual({
      'libs/a': 'passed',
      'libs/b': 'skipped',
      'properties/app': 'skipped',
    });
    const text = await runCli(['build', 'libs/b'], { cwd: repo.dir });
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('FAILED libs/b (build)\n  libs/b/src/index.ts:3:');
  });

  it('reports a syntax error with its file and line, and type-checking can be skipped', async () => {
    const repo = createWorkspaceRepo({ 'libs/a/src/broken.ts': 'export const = 1;\n' });
    const { code, run } = await runJson(['build', 'libs/a', '--no-typecheck'], repo.dir);
    expect(code).toBe(1);
    expect(run.builds[0]?.diagnostics).toContainEqual(
      expect.objectContaining({ file: 'libs/a/src/broken.ts', line: 1, severity: 'error' }),
    );
  });

  it('shows a failing test with its name, message and file:line, and writes JUnit XML', async () => {
    const repo = createWorkspaceRepo({
      'libs/b/test/red.test.ts':
        "import { describe, expect, it } from 'vitest';\n\ndescribe('math', () => {\n  it('is wrong', () => {\n    expect(1 + 1).toBe(3);\n  });\n});\n",
    });
    const result = await runCli(['test', 'libs/b', '--junit', 'junit.xml'], { cwd: repo.dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      'FAILED libs/b (tests)\n  libs/b/test/red.test.ts:5  math > is wrong\n',
    );
    expect(result.stdout).toContain('expected 2 to be 3');
    const xml = readFileSync(join(repo.dir, 'junit.xml'), 'utf8');
    expect(xml).toContain('<testsuite name="libs/b"');
    expect(xml).toMatch(
      /<testcase classname="libs\/b\/test\/red\.test\.ts" name="math &gt; is wrong|name="math > is wrong"/,
    );
  });

  it('reports a test that fails then passes as flaky, green unless --strict-flakes', async () => {
    const flaky = [
      "import { existsSync, writeFileSync } from 'node:fs';",
      "import { expect, it } from 'vitest';",
      '',
      "it('passes the second time', () => {",
      '  const marker = new URL(`../.marker-${process.env.MARK}`, import.meta.url);',
      '  const first = !existsSync(marker);',
      "  if (first) writeFileSync(marker, '');",
      '  expect(first).toBe(false);',
      '});',
      '',
    ].join('\n');
    const repo = createWorkspaceRepo({
      'libs/a/test/flaky.test.ts': flaky,
      '.gitignore': '.marker-*\n',
    });
    const red = await runCli(['test', 'libs/a'], { cwd: repo.dir, env: { MARK: '1' } });
    expect(red.code).toBe(1);
    const green = await runCli(['test', 'libs/a', '--retries', '1', '--json'], {
      cwd: repo.dir,
      env: { MARK: '2' },
    });
    expect(green.code).toBe(0);
    const run = JSON.parse(green.stdout) as JsonRun;
    expect(run.tests[0]).toMatchObject({ target: 'libs/a', status: 'flaky' });
    expect(run.tests[0]?.tests).toContainEqual(
      expect.objectContaining({ name: 'passes the second time', status: 'flaky', attempts: 2 }),
    );
    const strict = await runCli(['test', 'libs/a', '--retries', '1', '--strict-flakes'], {
      cwd: repo.dir,
      env: { MARK: '3' },
    });
    expect(strict.code).toBe(1);
  });

  it('lets two runs at once both finish, each recorded', async () => {
    const repo = createWorkspaceRepo();
    const [one, two] = await Promise.all([
      runJson(['test', '--all'], repo.dir),
      runJson(['test', '--all'], repo.dir),
    ]);
    expect([one.code, two.code]).toEqual([0, 0]);
    expect(one.run.runId).not.toBe(two.run.runId);
    const store = openStore({ stateDir: join(repo.dir, '.mainline') });
    try {
      expect(store.listRuns().map((r) => r.status)).toEqual(['passed', 'passed']);
    } finally {
      store.close();
    }
  });

  it('stops on Ctrl-C, records the run as interrupted, and the next run starts cleanly', async () => {
    const repo = createWorkspaceRepo({ 'libs/a/test/slow.test.ts': slowTest });
    const running = startCli(['test', '--all'], { cwd: repo.dir });
    await running.waitForStderr('in one vitest run');
    running.child.kill('SIGINT');
    const stopped = await running.result;
    expect(stopped.code).toBe(130);
    expect(stopped.stdout).toMatch(/^interrupted: /m);
    repo.remove('libs/a/test/slow.test.ts');
    const next = await runCli(['test', '--all'], { cwd: repo.dir });
    expect(next.code).toBe(0);
    const store = openStore({ stateDir: join(repo.dir, '.mainline') });
    try {
      expect(store.listRuns().map((r) => r.status)).toEqual(['passed', 'interrupted']);
    } finally {
      store.close();
    }
  });

  it('after a kill -9 mid-run, the next run marks it interrupted and completes', async () => {
    const repo = createWorkspaceRepo({ 'libs/a/test/slow.test.ts': slowTest });
    const running = startCli(['test', '--all'], { cwd: repo.dir });
    await running.waitForStderr('in one vitest run');
    running.child.kill('SIGKILL');
    await running.result;
    repo.remove('libs/a/test/slow.test.ts');
    const next = await runJson(['test', '--all'], repo.dir);
    expect(next.code).toBe(0);
    // The builds the killed run recorded before it died are still there.
    const store = openStore({ stateDir: join(repo.dir, '.mainline') });
    try {
      const [latest, killed] = store.listRuns();
      expect([latest?.status, killed?.status]).toEqual(['passed', 'interrupted']);
      const builds = store.targetResults(killed?.id ?? -1).filter((r) => r.phase === 'build');
      expect(builds.map((r) => r.status)).toEqual(['passed', 'passed', 'passed']);
    } finally {
      store.close();
    }
    expect(existsSync(join(repo.dir, '.mainline/out/libs/b'))).toBe(true);
  });

  it('annotates failures for GitHub Actions and writes the job summary', async () => {
    const repo = createWorkspaceRepo({
      'libs/a/test/red.test.ts':
        "import { expect, it } from 'vitest';\n\nit('is red', () => {\n  expect(1).toBe(2);\n});\n",
    });
    const summaryFile = join(repo.dir, '.git', 'step-summary.md');
    const result = await runCli(['test', 'libs/a'], {
      cwd: repo.dir,
      env: { GITHUB_ACTIONS: 'true', CI: 'true', GITHUB_STEP_SUMMARY: summaryFile },
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      '::error file=libs/a/test/red.test.ts,line=4,title=libs/a%3A is red::expected 1 to be 2',
    );
    expect(readFileSync(summaryFile, 'utf8')).toContain('| `libs/a` | failed |');
  });
});
