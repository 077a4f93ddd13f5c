import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { renameSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cleanGitEnv } from '@mainline/git';
import { openStore } from '@mainline/store';
import { describe, expect, it } from 'vitest';
import { helperGitEnv, libSource, makeTempDir, runCli, trunkSandbox } from '../src/index.ts';

const cliBin = fileURLToPath(new URL('../../properties/cli/bin/mainline', import.meta.url));

/** `mainline ARGS` in its own process group (to kill it and its test host at once). */
function startGroup(
  args: readonly string[],
  cwd: string,
): {
  child: ChildProcess;
  stderr: () => string;
  waitFor: (pattern: RegExp) => Promise<void>;
  exit: Promise<number | null>;
} {
  const env: NodeJS.ProcessEnv = { ...cleanGitEnv(process.env), NO_COLOR: '1' };
  delete env.CI;
  const child = spawn(cliBin, [...args], {
    cwd,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  const waiters: { pattern: RegExp; found: () => void }[] = [];
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    for (const waiter of waiters.filter((w) => w.pattern.test(stderr))) waiter.found();
  });
  child.stdout?.resume();
  const exit = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return {
    child,
    stderr: () => stderr,
    waitFor: (pattern) =>
      new Promise((resolve, reject) => {
        if (pattern.test(stderr)) resolve();
        else waiters.push({ pattern, found: resolve });
        void exit.then(() => reject(new Error(`ended before ${pattern}:\n${stderr}`)));
      }),
    exit,
  };
}

const count = (text: string, pattern: RegExp): number => text.match(pattern)?.length ?? 0;

describe('the trunk loop, when things go wrong around it', { timeout: 180_000 }, () => {
  it('takes a test that fails 30% of its runs for a flake: no revert, the flake recorded', async () => {
    const counter = join(makeTempDir('flaky-counter'), 'runs');
    // Fails on runs 2, 5, 8...: passes the baseline, fails when the loop first tests the change.
    const flakyTest = `import { readFileSync, writeFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { value } from '../src/index.ts';

it('value is one, mostly', () => {
  let runs = 0;
  try { runs = Number(readFileSync(${JSON.stringify(counter)}, 'utf8')); } catch {}
  writeFileSync(${JSON.stringify(counter)}, String(runs + 1));
  expect((runs + 1) % 3 === 2 ? 0 : value()).toBe(1);
});
`;
    const sandbox = await trunkSandbox(2, { 'libs/t1/test/t1.test.ts': flakyTest });
    sandbox.push('t1: a comment', { 'libs/t1/src/index.ts': libSource(1, 'a comment') });
    const tip = sandbox.tip();
    const pass = await sandbox.trunk(['--once']);
    expect(pass.stderr).toContain('breakage #1: libs/t1 red');
    expect(pass.stderr).toMatch(/decision #1 libs\/t1: flaky/);
    expect(pass.code).toBe(0);
    expect(sandbox.tip()).toBe(tip);
    const status = JSON.parse(
      (await runCli(['trunk', 'status', '--json'], { cwd: sandbox.work.dir })).stdout,
    ) as { flaky: { target: string; test: string; rate: number }[]; reverts: unknown[] };
    expect(status.reverts).toEqual([]);
    expect(status.flaky).toMatchObject([
      { target: 'libs/t1', test: 'libs/t1/test/t1.test.ts > value is one, mostly' },
    ]);
    expect(status.flaky[0]?.rate).toBeGreaterThan(0);
  });

  it('loses no commit when someone pushes while the loop checks its revert: it reverts again on top, never forced', async () => {
    const sandbox = await trunkSandbox(2);
    const pusher = makeTempDir('pusher');
    execFileSync('git', ['clone', '--quiet', sandbox.remote, pusher], { env: helperGitEnv() });
    const marker = join(makeTempDir('pushed'), 'done');
    // Run at the revert the loop checks, this test pushes a commit of someone else first.
    const racingTest = `import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { value } from '../src/index.ts';

it('value is one', () => {
  const here = fileURLToPath(new URL('.', import.meta.url));
  const subject = execFileSync('git', ['log', '-1', '--format=%s'], { cwd: here, encoding: 'utf8' });
  if (subject.startsWith('Revert') && !existsSync(${JSON.stringify(marker)})) {
    writeFileSync(${JSON.stringify(marker)}, '');
    const git = (...args) => execFileSync('git', ['-C', ${JSON.stringify(pusher)}, '-c', 'user.name=someone', '-c', 'user.email=someone@example.com', ...args]);
    git('pull', '--quiet', '--rebase', 'origin', 'main');
    git('commit', '--quiet', '--allow-empty', '-m', 'someone else pushed');
    git('push', '--quiet', 'origin', 'HEAD:main');
  }
  expect(value()).toBe(1);
});
`;
    sandbox.push('t1: a racing test', { 'libs/t1/test/t1.test.ts': racingTest });
    expect((await sandbox.trunk(['--once'])).code).toBe(0);
    sandbox.push('t1: return 2', { 'libs/t1/src/index.ts': libSource(2) });
    const pass = await sandbox.trunk(['--once']);
    expect(pass.stderr).toMatch(/reverted/);
    const log = sandbox.log();
    expect(log.slice(0, 3)).toEqual([
      'Revert "t1: return 2"',
      'someone else pushed',
      't1: return 2',
    ]);
  });

  it('resumes a culprit search killed by kill -9, and pushes exactly one revert', async () => {
    const sandbox = await trunkSandbox(2);
    for (let i = 1; i <= 3; i++) {
      sandbox.push(`t2: note ${i}`, { 'libs/t2/src/index.ts': libSource(1, `note ${i}`) });
    }
    sandbox.push('t1: return 2', { 'libs/t1/src/index.ts': libSource(2) });
    sandbox.push('t1: a note', { 'libs/t1/test/notes.md': 'a note\n' });
    const first = startGroup(['trunk', '--once', '--no-typecheck'], sandbox.work.dir);
    await first.waitFor(/search #1 .*\n(.|\n)*search #1 /);
    process.kill(-(first.child.pid as number), 'SIGKILL');
    await first.exit;
    const before = count(first.stderr(), /search #1 /g);

    const second = await sandbox.trunk(['--once']);
    expect(second.code, second.stderr).toBe(0);
    const after = count(second.stderr, /search #1 /g);
    expect(sandbox.log().filter((subject) => subject.startsWith('Revert'))).toEqual([
      'Revert "t1: return 2"',
    ]);
    // The runs made before the kill were kept, and not made again: the two opening runs,
    // then every step once (one more if the kill came between recording and telling).
    const store = openStore({ stateDir: join(sandbox.work.dir, '.mainline') });
    const runs = store.trunk.searchRuns(1).length;
    store.close();
    expect(runs - 2 - before - after).toBeGreaterThanOrEqual(0);
    expect(runs - 2 - before - after).toBeLessThanOrEqual(1);
  });

  it('runs one loop per state folder, rides out an unreachable remote, and stops cleanly on SIGTERM', async () => {
    const sandbox = await trunkSandbox(1);
    const loop = startGroup(['trunk', '--interval', '1', '--no-typecheck'], sandbox.work.dir);
    await loop.waitFor(/new commit/);
    const second = await sandbox.trunk(['--once']);
    expect(second.code).toBe(2);
    expect(second.stderr).toContain(`a trunk loop is already running`);
    expect(second.stderr).toContain(`(pid `);
    // The remote goes away for a while: each pass says so and the loop goes on.
    renameSync(sandbox.remote, `${sandbox.remote}.away`);
    await loop.waitFor(/fetch failed: .*trying again in 1s/);
    renameSync(`${sandbox.remote}.away`, sandbox.remote);
    sandbox.push('t1: a note', { 'libs/t1/src/index.ts': libSource(1, 'a note') });
    await loop.waitFor(/tested \w+ \(1 commit\): 1 green/);
    loop.child.kill('SIGTERM');
    expect(await loop.exit).toBe(0);
  });
});
