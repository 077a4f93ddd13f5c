import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTempRepo, runCli, runJson } from '../src/index.ts';

/**
 * The natural BUILD.json of a repository that keeps its tests beside its sources: `a`'s
 * srcs match its test file too, `b` depends on it and has no tests, `c`'s tests glob
 * matches nothing.
 */
function besideRepo() {
  return createTempRepo({
    files: {
      'BUILD.json': `${JSON.stringify(
        {
          version: 1,
          targets: {
            a: { kind: 'lib', srcs: ['a/src/**'], tests: ['a/src/**/*.test.ts'] },
            b: { kind: 'lib', srcs: ['b/src/**', '!b/src/**/*.md'], deps: ['a'] },
            c: { kind: 'lib', srcs: ['c/src/**'], tests: ['c/test/**/*.test.ts'] },
          },
        },
        null,
        2,
      )}\n`,
      'a/src/index.ts': 'export const one = 1;\n',
      'a/src/index.test.ts':
        "import { expect, it } from 'vitest';\nimport { one } from './index.ts';\n\nit('is one', () => {\n  expect(one).toBe(1);\n});\n",
      'b/src/index.ts': 'export const two = 2;\n',
      'b/src/notes.md': 'notes\n',
      'c/src/index.ts': 'export const three = 3;\n',
    },
  });
}

describe('tests are never swallowed', () => {
  it('runs a test file its srcs match too, counts targets without tests apart, and a test edit stays in its target', async () => {
    const repo = besideRepo();
    const { code, run } = await runJson(['test', '--all', '--no-typecheck'], repo.dir);
    expect(code).toBe(0);
    expect(run.tests.map((t) => [t.target, t.status, t.tests.length])).toEqual([
      ['a', 'passed', 1],
      ['b', 'no-tests', 0],
      ['c', 'no-tests', 0],
    ]);
    const text = await runCli(['test', '--all', '--no-typecheck'], { cwd: repo.dir });
    expect(text.stdout).toMatch(
      /^passed: 1 target tested, 1 passed \(1 cached\), 2 without tests in /m,
    );

    const graph = await runCli(['graph'], { cwd: repo.dir });
    expect(graph.stderr).toContain(
      "BUILD.json:29:9: warning: tests glob 'c/test/**/*.test.ts' of target 'c' matches no file",
    );

    repo.write({
      'a/src/index.test.ts': `${readFileSync(join(repo.dir, 'a/src/index.test.ts'), 'utf8')}// more\n`,
    });
    repo.write({ 'b/src/notes.md': 'taken back by a negation\n' });
    repo.commit('edit a test and a negated file');
    const affected = await runCli(['affected', '--base', 'HEAD~1', '--json'], { cwd: repo.dir });
    const report = JSON.parse(affected.stdout) as {
      affected: { name: string; reasons: unknown[] }[];
      unowned: string[];
    };
    expect(report.affected).toEqual([
      {
        name: 'a',
        kind: 'lib',
        reasons: [{ type: 'file', path: 'a/src/index.test.ts', role: 'test' }],
      },
    ]);
    expect(report.unowned).toEqual(['b/src/notes.md']);
  });

  it('says plainly that a run tested nothing, in text, --json and JUnit', async () => {
    const repo = besideRepo();
    const text = await runCli(['test', 'b', 'c', '--no-typecheck', '--junit', 'junit.xml'], {
      cwd: repo.dir,
    });
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/^nothing tested: 2 targets have no tests in /m);
    expect(text.stdout).not.toMatch(/passed/);
    expect(text.stderr).toContain('  test  2 targets without tests\n');
    const junit = readFileSync(join(repo.dir, 'junit.xml'), 'utf8');
    expect(junit).toMatch(/<testcase classname="b" name="\(no tests\)"[^>]*>\s*<properties>/);
    expect(junit).not.toMatch(/<testsuites[^>]*tests="0"/);
    const { code, run } = await runJson(['test', 'b', '--no-typecheck'], repo.dir);
    expect(code).toBe(0);
    expect(run).toMatchObject({
      nothingTested: true,
      tests: [{ target: 'b', status: 'no-tests' }],
    });
  });
});
