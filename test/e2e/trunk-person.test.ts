import { rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { openStore } from '@mainline/store';
import { describe, expect, it } from 'vitest';
import { libSource, runCli, trunkSandbox } from '../src/index.ts';

// A person acting on what the trunk loop found: `mainline trunk revert`, `mark`, `snooze`.

interface Status {
  tip: { green: boolean } | undefined;
  breakages: { id: number; target: string }[];
  candidates: { id: number; rule: string; target: string; culprit: string }[];
  marks: { target: string; test: string; mark: string }[];
  snoozed: { id: number }[];
}

async function status(dir: string): Promise<Status> {
  const result = await runCli(['trunk', 'status', '--json'], { cwd: dir });
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as Status;
}

describe('a person acts on the trunk loop', { timeout: 180_000 }, () => {
  it('reverts a candidate the confidence and daily limit held back, says fixed for one green again, and is refused while a loop runs', async () => {
    // The team allows no revert a day: the daily limit holds every culprit back too.
    const sandbox = await trunkSandbox(2, {
      'mainline.json': `${JSON.stringify({ revert: { maxPerDay: 0 } })}\n`,
    });
    const green = sandbox.tip() as string;
    const culprit = sandbox.push('t1: return 2', { 'libs/t1/src/index.ts': libSource(2) });
    const fixedLater = sandbox.push('t2: return 2', { 'libs/t2/src/index.ts': libSource(2) });
    // The candidates as the loop records them (its search is tested elsewhere, and slow).
    const t1 = heldCandidate(sandbox.work.dir, 'libs/t1', green, culprit);
    const t2 = heldCandidate(sandbox.work.dir, 'libs/t2', green, fixedLater);
    // t2 is fixed by hand meanwhile: its revert is not needed any more.
    sandbox.push('t2: back to 1', { 'libs/t2/src/index.ts': libSource(1, 'fixed') });
    const tip = sandbox.tip();

    const fixed = await sandbox.trunk(['revert', String(t2)]);
    expect(fixed.code, fixed.stderr).toBe(1);
    expect(fixed.stdout).toMatch(
      /^not reverted \w+: fixed: asked by a person: the target is no longer red at the trunk tip \(decision #3\)/,
    );
    expect(sandbox.tip()).toBe(tip);

    // A loop running on this state folder (a live process holds its lock): refused, named.
    const lock = join(sandbox.work.dir, '.mainline', 'trunk', 'lock');
    writeFileSync(lock, `${process.pid} ${hostname()}\n`);
    const busy = await sandbox.trunk(['revert', String(t1)]);
    expect(busy.code).toBe(2);
    expect(busy.stderr).toContain('a trunk loop is already running');
    expect(busy.stderr).toContain(`(pid ${process.pid} `);
    rmSync(lock);

    const reverted = await sandbox.trunk(['revert', String(t1)]);
    expect(reverted.code, reverted.stderr).toBe(0);
    expect(reverted.stdout).toMatch(
      new RegExp(`^reverted ${culprit.slice(0, 12)}: \\w{12} pushed to main \\(decision #4\\)`),
    );
    expect(sandbox.log().slice(0, 2)).toEqual(['Revert "t1: return 2"', 't2: back to 1']);
    const body = sandbox.work.git('-C', sandbox.remote, 'log', '-1', '--format=%B', 'main');
    expect(body).toContain(`This reverts commit ${culprit}.`);
    expect(body).toContain('(decision 4)');
    expect(body).toContain('Mainline-Auto-Revert: true');
    // The loop takes the person's revert as its own: trunk is green, nothing more to do.
    const after = await sandbox.trunk(['--once']);
    expect(after.code, after.stderr).toBe(0);
    expect(after.stderr).not.toMatch(/red|decision/);
    expect(sandbox.log()[0]).toBe('Revert "t1: return 2"');
  });

  it('refuses bad input with exit 2: an unknown decision, one without a culprit, an unknown breakage or target', async () => {
    const sandbox = await trunkSandbox(1, {}, { baseline: false });
    const store = openStore({ stateDir: join(sandbox.work.dir, '.mainline') });
    const flake = store.trunk.recordDecision({
      breakageId: undefined,
      target: 'libs/t1',
      tests: ['x'],
      kind: 'flaky',
      detail: 'a flake',
    });
    store.close();
    const cases: [string[], RegExp][] = [
      [['revert', '12'], /the trunk loop made no decision #12/],
      [
        ['revert', String(flake.id)],
        new RegExp(`decision #${flake.id} \\(flaky, libs/t1\\) names no culprit to revert`),
      ],
      [['revert', 'abc'], /DECISION must be a number \(its id\), not 'abc'/],
      [['snooze', '3'], /the trunk loop opened no breakage #3/],
      [['snooze', '3', '--for', '3w'], /--for must be a duration like 30m, 4h or 2d, not '3w'/],
      [['mark', 'libs/nope', 'x', '--flaky'], /no target named 'libs\/nope'/],
      [['mark', 'libs/t1', 'x'], /say one of --flaky, --quarantine or --clear/],
    ];
    for (const [args, message] of cases) {
      const result = await runCli(['trunk', ...args], { cwd: sandbox.work.dir });
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).toContain('hint:');
    }
  });

  it("honours a person's marks: a quarantined test's failure leaves its target green, a test marked flaky is never searched nor reverted for; a breakage snoozes", async () => {
    const noisy = 'libs/t1/test/noisy.test.ts';
    // libs/t3 is red from the start: a breakage the loop leaves open without a search.
    const sandbox = await trunkSandbox(
      3,
      { [noisy]: noisyTest(1), 'libs/t3/src/index.ts': libSource(2) },
      { baseline: false },
    );
    const first = await sandbox.trunk(['--once']);
    expect(first.code, first.stderr).toBe(1);
    const mark = (target: string, test: string, flag: string) =>
      runCli(['trunk', 'mark', target, test, flag], { cwd: sandbox.work.dir });
    expect((await mark('libs/t1', `${noisy} > noisy`, '--quarantine')).stdout).toBe(
      `libs/t1: ${noisy} > noisy: quarantined\n`,
    );
    const t2Test = 'libs/t2/test/t2.test.ts > value is one';
    expect((await mark('libs/t2', t2Test, '--flaky')).code).toBe(0);
    sandbox.push('t1: the noisy test fails', { [noisy]: noisyTest(2) });
    sandbox.push('t2: return 2', { 'libs/t2/src/index.ts': libSource(2) });
    const tip = sandbox.tip();
    const pass = await sandbox.trunk(['--once']);
    expect(pass.stderr).toMatch(/tested \w+ \(2 commits\): 1 green, 1 red \(libs\/t2\)\n/);
    expect(pass.stderr).not.toContain('libs/t1 red');
    expect(pass.stderr).toMatch(
      /decision #\d+ libs\/t2: flaky: marked flaky by a person \(mainline trunk mark\): not searched, never grounds for a revert/,
    );
    expect(pass.stderr).not.toContain('search #');
    expect(sandbox.tip()).toBe(tip);
    expect(pass.code).toBe(1); // libs/t3 is still red
    const store = openStore({ stateDir: join(sandbox.work.dir, '.mainline') });
    // The quarantined failure is recorded (to be shown), and not red.
    expect(store.trunk.latestResult('libs/t1')).toMatchObject({
      status: 'passed',
      failing: [`${noisy} > noisy`],
    });
    store.close();

    const { breakages } = await status(sandbox.work.dir);
    expect(breakages.map((b) => b.target)).toEqual(['libs/t3']);
    const snooze = (...args: string[]) =>
      runCli(['trunk', 'snooze', String(breakages[0]?.id), ...args], { cwd: sandbox.work.dir });
    expect((await snooze('--for', '2h')).stdout).toMatch(
      /^breakage #1 \(libs\/t3\): snoozed until \d{4}-/,
    );
    const text = await runCli(['trunk', 'status'], { cwd: sandbox.work.dir });
    expect(text.stdout).toMatch(/#1 libs\/t3: red since .*, snoozed until /);
    expect(text.stdout).toContain(
      `marked tests: 2\n  libs/t1: ${noisy} > noisy: quarantined since`,
    );
    expect((await snooze('--clear')).stdout).toBe('breakage #1 (libs/t3): awake\n');
    expect((await status(sandbox.work.dir)).snoozed).toEqual([]);
    expect((await mark('libs/t2', t2Test, '--clear')).stdout).toBe(`libs/t2: ${t2Test}: no mark\n`);
  });
});

/** A breakage of `target` whose culprit was held back for low confidence; its decision's id. */
function heldCandidate(dir: string, target: string, lastGreen: string, culprit: string): number {
  const store = openStore({ stateDir: join(dir, '.mainline') });
  try {
    const tests = [`${target}/test/${target.slice(5)}.test.ts > value is one`];
    const breakage = store.trunk.openBreakage({
      target,
      lastGreen,
      firstRed: culprit,
      tests,
    });
    store.trunk.setBreakageState(breakage.id, 'decided');
    return store.trunk.recordDecision({
      breakageId: breakage.id,
      target,
      culprit,
      confidence: 0.9,
      tests,
      kind: 'candidate',
      rule: 'low-confidence',
      detail: 'confidence 0.9000 is below 0.99',
    }).id;
  } finally {
    store.close();
  }
}

function noisyTest(expected: number): string {
  return `import { expect, it } from 'vitest';\nimport { value } from '../src/index.ts';\n\nit('noisy', () => {\n  expect(value()).toBe(${expected});\n});\n`;
}
