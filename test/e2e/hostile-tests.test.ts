import { execFileSync } from 'node:child_process';
import { existsSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  createTempRepo,
  gitPush,
  helperGitEnv,
  type JsonRun,
  makeTempDir,
  runCli,
  runJson,
  type TempRepo,
} from '../src/index.ts';

/** A repository of one-target-per-behaviour libs, each with one test file. */
function repoOf(tests: Record<string, string>, timeouts: Record<string, object> = {}): TempRepo {
  return createTempRepo({ files: filesOf(tests, timeouts) });
}

function filesOf(
  tests: Record<string, string>,
  timeouts: Record<string, object> = {},
): Record<string, string> {
  const targets: Record<string, object> = {};
  const files: Record<string, string> = {};
  for (const [name, body] of Object.entries(tests)) {
    targets[`libs/${name}`] = {
      kind: 'lib',
      srcs: [`libs/${name}/src/**`],
      tests: [`libs/${name}/test/**`],
      ...(timeouts[name] ? { timeouts: timeouts[name] } : {}),
    };
    files[`libs/${name}/src/index.ts`] = `export const ${name} = 1;\n`;
    files[`libs/${name}/test/${name}.test.ts`] = `import { expect, it } from 'vitest';\n${body}\n`;
  }
  files['BUILD.json'] = `${JSON.stringify({ version: 1, targets }, null, 2)}\n`;
  return files;
}

const passes = "it('passes', () => expect(1).toBe(1));";
const loops = "it('loops forever', () => {\n  while (true) {}\n});";

const statuses = (results: readonly { target: string; status: string }[]) =>
  Object.fromEntries(results.map((result) => [result.target, result.status]));

describe('tests that hang, crash or test nothing', () => {
  it('each turn their own target red with the reason, and every other result and the JSON document arrive', async () => {
    const repo = repoOf(
      {
        quick: passes,
        stuck: loops,
        hog: "it('hoards memory', () => {\n  const hoard = [];\n  while (true) hoard.push(new Array(1e6).fill(Math.random()));\n});",
        killer: "it('kills its own process', () => {\n  process.kill(process.pid, 'SIGKILL');\n});",
        empty: '// no test here',
        after: passes,
      },
      { stuck: { file: 1500 } },
    );
    const result = await runCli(['test', '--all', '--test-memory', '64', '--json'], {
      cwd: repo.dir,
      timeoutMs: 120_000,
    });
    expect(result.code).toBe(1);
    expect(result.stderr).not.toMatch(/^\s+at /m);
    const run = JSON.parse(result.stdout) as JsonRun;
    expect(statuses(run.tests)).toEqual({
      'libs/quick': 'passed',
      'libs/stuck': 'failed',
      'libs/hog': 'failed',
      'libs/killer': 'failed',
      'libs/empty': 'passed',
      'libs/after': 'passed',
    });
    const errorsOf = (target: string) => run.tests.find((t) => t.target === target)?.fileErrors;
    expect(errorsOf('libs/stuck')).toEqual([
      {
        file: 'libs/stuck/test/stuck.test.ts',
        message:
          "timed out: still running after 1.5 s, the file's limit; its worker was killed, in test 'loops forever'",
        reason: 'timeout',
        test: 'loops forever',
      },
    ]);
    expect(errorsOf('libs/hog')).toMatchObject([
      {
        message: "crashed: its worker ran out of memory, in test 'hoards memory'",
        reason: 'crashed',
      },
    ]);
    expect(errorsOf('libs/killer')).toMatchObject([
      {
        message:
          "crashed: the process running it was killed by SIGKILL, in test 'kills its own process'",
        reason: 'crashed',
        test: 'kills its own process',
      },
    ]);
    expect(run.tests.find((t) => t.target === 'libs/empty')?.warnings).toEqual([
      { file: 'libs/empty/test/empty.test.ts', message: 'declares no test: nothing was checked' },
    ]);

    // The same run for a person: the reasons, the hint, the warning; red results are never cached.
    const text = await runCli(['test', 'libs/stuck', 'libs/empty'], { cwd: repo.dir });
    expect(text.code).toBe(1);
    expect(text.stdout).toContain(
      "libs/stuck/test/stuck.test.ts: timed out: still running after 1.5 s, the file's limit",
    );
    expect(text.stdout).toContain('--file-timeout MS');
    expect(text.stdout).toContain(
      'WARNING libs/empty: libs/empty/test/empty.test.ts: declares no test',
    );
  });

  it('take per-test and per-file limits from BUILD.json, overridden on the command line', async () => {
    const slow =
      "it('takes 1 s', async () => {\n  await new Promise((r) => setTimeout(r, 1000));\n});";
    const repo = repoOf({ strict: slow, lenient: slow }, { strict: { test: 300 } });
    const own = await runJson(['test', '--all'], repo.dir);
    expect(statuses(own.run.tests)).toEqual({ 'libs/strict': 'failed', 'libs/lenient': 'passed' });
    expect(own.run.tests[0]?.tests[0]?.message).toContain('Test timed out in 300ms');
    // A limit on the command line applies to every target, over its own.
    const given = await runJson(['test', '--all', '--test-timeout', '30000'], repo.dir);
    expect(statuses(given.run.tests)).toEqual({
      'libs/strict': 'passed',
      'libs/lenient': 'cached',
    });
    const bad = await runCli(['test', '--all', '--file-timeout', 'soon'], { cwd: repo.dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--file-timeout must be a whole number of at least 1, not 'soon'");
  });

  it('bound a push through the hook even without a budget: a hanging test blocks it at its limit', async () => {
    const repo = repoOf({ quick: passes }, { stuck: { file: 1500 } });
    const bare = makeTempDir('remote');
    execFileSync('git', ['init', '--quiet', '--bare', bare], { env: helperGitEnv() });
    repo.git('remote', 'add', 'origin', bare);
    repo.git('push', '--quiet', 'origin', 'main');
    expect((await runCli(['hook', 'install'], { cwd: repo.dir })).code).toBe(0);
    repo.write(filesOf({ quick: passes, stuck: loops }, { stuck: { file: 1500 } }));
    repo.commit('a test that never ends');
    const { code, stderr } = gitPush(repo.dir, 'origin', 'main');
    expect(code).not.toBe(0);
    expect(stderr).toContain("timed out: still running after 1.5 s, the file's limit");
    expect(stderr).toContain('push blocked');
  });

  it('never runs a test file through a link that leads outside the repository', async () => {
    const outside = makeTempDir('outside');
    const marker = join(outside, 'ran');
    writeFileSync(
      join(outside, 'evil.test.ts'),
      `import { it } from 'vitest';\nimport { writeFileSync } from 'node:fs';\nit('runs', () => writeFileSync(${JSON.stringify(marker)}, 'x'));\n`,
    );
    const repo = repoOf({ quick: passes });
    symlinkSync(join(outside, 'evil.test.ts'), join(repo.dir, 'libs/quick/test/evil.test.ts'));
    const { code, run } = await runJson(['test', '--all'], repo.dir);
    expect(code).toBe(1);
    expect(run.tests[0]?.fileErrors[0]?.message).toContain(
      `libs/quick/test/evil.test.ts is a symbolic link to ${join(outside, 'evil.test.ts')}, outside the repository`,
    );
    expect(existsSync(marker)).toBe(false);
  });
});
