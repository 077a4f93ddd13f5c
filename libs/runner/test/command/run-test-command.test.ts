import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runTestCommand, type TestCommandRequest } from '../../src/command/run-test-command.ts';
import { fixtureRoot } from '../vitest/fixtures.ts';

function request(
  root: string,
  command: readonly string[],
  extra: Partial<TestCommandRequest> = {},
) {
  return {
    root,
    target: 'libs/a',
    cwd: 'libs/a',
    command,
    retries: 0,
    timeoutMs: 30_000,
    env: process.env,
    scratchDir: join(root, '.scratch'),
    ...extra,
  };
}

// Not concurrent: makeTempDir removes its folder when the test it thinks is current ends.
describe('runTestCommand', () => {
  it('never green without a report or a test case; a bad exit is red', async () => {
    const root = fixtureRoot({ 'libs/a/README.md': 'no tests here' });
    const node = (code: string) => ['node', '-e', code];
    const emptyReport = `require('fs').writeFileSync(process.env.MAINLINE_JUNIT_FILE, '<testsuites/>')`;
    const write = `require('fs').writeFileSync(process.env.MAINLINE_JUNIT_FILE, '<testsuites><testcase name="ok"/></testsuites>'); process.exit(1)`;
    const commands = [
      node('process.exit(3)'),
      node(''),
      node(emptyReport),
      node(write),
      ['no-such-runner-xyz'],
    ];
    // Side by side, each with a scratch folder (its report) of its own.
    const [noReport, silent, noTests, badExit, missing] = await Promise.all(
      commands.map((command, i) =>
        runTestCommand(request(root, command, { scratchDir: join(root, `.scratch-${i}`) })),
      ),
    );
    const firstError = (result: typeof noReport | undefined) =>
      result?.files[0]?.errors[0]?.message;
    expect(noReport?.status).toBe('failed');
    expect(firstError(noReport)).toMatch(
      /^`node -e process.exit\(3\)` exited with code 3 and wrote no JUnit report/,
    );
    expect(firstError(silent)).toMatch(/exited 0 and wrote no JUnit report/);
    expect(noTests?.status).toBe('failed');
    expect(firstError(noTests)).toMatch(/^no test ran: the JUnit report/);
    expect(badExit?.status).toBe('failed');
    expect(badExit?.files.find((f) => f.file === 'libs/a')?.errors[0]?.message).toMatch(
      /exited with code 1 though no test in its JUnit report failed/,
    );
    expect(firstError(missing)).toBe(
      'could not start `no-such-runner-xyz`: no-such-runner-xyz not found (ENOENT)',
    );
  });

  it('runs nothing outside the repository, nor in a folder that does not exist', async () => {
    const root = fixtureRoot({ 'libs/a/README.md': '' });
    const refused = async (extra: Partial<TestCommandRequest>) =>
      (await runTestCommand(request(root, ['node', '-e', ''], extra))).files[0]?.errors[0]?.message;
    expect(await refused({ cwd: '../elsewhere' })).toMatch(
      /^the folder \.\.\/elsewhere of its test command is outside the repository; set "cwd"/,
    );
    expect(await refused({ junit: '../../../report.xml' })).toMatch(
      /^the JUnit report \.\.\/\.\.\/\.\.\/report\.xml of its test command is outside the repository/,
    );
    expect(await refused({ cwd: 'libs/gone' })).toMatch(
      /^the folder libs\/gone of its test command does not exist/,
    );
  });

  it('reads a report the runner writes where it wants, and removes it', async () => {
    const root = fixtureRoot({ 'libs/a/README.md': '' });
    const write = `require('fs').writeFileSync('out/junit.xml', '<testsuite name="s"><testcase classname="s" name="one"/></testsuite>')`;
    const result = await runTestCommand(
      request(root, ['node', '-e', `require('fs').mkdirSync('out');${write}`], {
        junit: 'out/junit.xml',
      }),
    );
    expect(result).toMatchObject({
      status: 'passed',
      files: [{ file: 'libs/a', tests: [{ name: 's > one', status: 'passed' }] }],
    });
    expect(existsSync(join(root, 'libs/a/out/junit.xml'))).toBe(false);
  });

  it('kills a command past its limit, children included', async () => {
    const root = fixtureRoot({ 'libs/a/README.md': '' });
    const result = await runTestCommand(
      request(
        root,
        [
          'node',
          '-e',
          'require("child_process").spawn("sleep", ["30"], { stdio: "inherit" }); setInterval(() => {}, 1000)',
        ],
        {
          timeoutMs: 500,
        },
      ),
    );
    expect(result.status).toBe('failed');
    expect(result.files[0]?.errors[0]).toMatchObject({
      reason: 'timeout',
      message: expect.stringMatching(/^timed out: `node -e .*` was still running after 500 ms/),
    });
  });
});
