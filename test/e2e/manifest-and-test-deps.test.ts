import { describe, expect, it } from 'vitest';
import { createTempRepo, runCli, runJson, type TempRepo } from '../src/index.ts';

const manifest = (fields: object): string => `${JSON.stringify({ name: '@s/core', ...fields })}\n`;

/**
 * libs/core <- libs/ui <- properties/web; manifests are not among any target's srcs. Tests
 * run one at a time: makeTempDir's onTestFinished may bind to another concurrent test.
 */
function sampleRepo(): TempRepo {
  const build = {
    version: 1,
    targets: {
      'libs/core': { kind: 'lib', srcs: ['libs/core/src/**'], tests: ['libs/core/test/**'] },
      'libs/ui': { kind: 'lib', srcs: ['libs/ui/src/**'], deps: ['libs/core'] },
      'properties/web': { kind: 'property', srcs: ['properties/web/src/**'], deps: ['libs/ui'] },
    },
  };
  return createTempRepo({
    files: {
      'BUILD.json': `${JSON.stringify(build, null, 2)}\n`,
      'libs/core/package.json': manifest({ dependencies: { zod: '^3.22.0' } }),
      'libs/core/src/index.ts': 'export const core = 1;\n',
      'libs/ui/src/index.ts': 'export const ui = 1;\n',
      'properties/web/src/main.ts': 'console.log(1);\n',
    },
  });
}

async function affected(repo: TempRepo): Promise<{ name: string; reasons: object[] }[]> {
  const result = await runCli(['affected', '--base', 'HEAD~1', '--json'], { cwd: repo.dir });
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout).affected;
}

describe('a package manifest is part of its target', () => {
  it('a dependency bump affects the target and its dependents, naming it; a description nothing', async () => {
    const repo = sampleRepo();
    repo.write({
      'libs/core/package.json': manifest({ dependencies: { zod: '^3.23.8' }, description: 'x' }),
    });
    repo.commit('bump zod');
    const json = await affected(repo);
    expect(json.map((target) => target.name)).toEqual(['libs/core', 'libs/ui', 'properties/web']);
    expect(json[0]?.reasons).toEqual([
      { type: 'manifest', path: 'libs/core/package.json', fields: ['dependencies'], role: 'src' },
    ]);
    const why = await runCli(['why', 'properties/web', '--base', 'HEAD~1'], { cwd: repo.dir });
    expect(why.stdout, why.stderr).toContain('dependencies changed in libs/core/package.json');

    repo.write({
      'libs/core/package.json': manifest({ dependencies: { zod: '^3.23.8' }, description: 'y' }),
    });
    repo.commit('describe core');
    expect(await affected(repo)).toEqual([]);
  });
});

describe('testDeps', () => {
  /** libs/core's tests use test/helpers, which depends on libs/core; libs/ui depends on libs/core. */
  function helpersRepo(): TempRepo {
    const build = {
      version: 1,
      targets: {
        'libs/core': {
          kind: 'lib',
          srcs: ['libs/core/src/**'],
          tests: ['libs/core/test/**'],
          testDeps: ['test/helpers'],
        },
        'libs/ui': { kind: 'lib', srcs: ['libs/ui/src/**'], deps: ['libs/core'] },
        'test/helpers': { kind: 'lib', srcs: ['test/helpers/src/**'], deps: ['libs/core'] },
      },
    };
    return createTempRepo({
      files: {
        'BUILD.json': `${JSON.stringify(build, null, 2)}\n`,
        'libs/core/src/index.ts': 'export const core = 1;\n',
        'libs/core/test/core.test.ts': 'test\n',
        'libs/ui/src/index.ts': 'export const ui = 1;\n',
        'test/helpers/src/index.ts': 'export const helper = 1;\n',
      },
    });
  }

  it('a test dep change affects the target alone, not its dependents', async () => {
    const repo = helpersRepo();
    repo.write({ 'test/helpers/src/index.ts': 'export const helper = 2;\n' });
    repo.commit('change the helpers');
    const json = await affected(repo);
    expect(json.map((target) => target.name)).toEqual(['libs/core', 'test/helpers']);
    expect(json[0]?.reasons).toEqual([{ type: 'test-dep', target: 'test/helpers' }]);
    const why = await runCli(['why', 'libs/core', '--base', 'HEAD~1'], { cwd: repo.dir });
    expect(why.stdout).toContain('-> libs/core (its tests depend on the line above)');
    const graph = await runCli(['graph', '--json'], { cwd: repo.dir });
    const nodes = JSON.parse(graph.stdout).targets as { name: string; testDeps: string[] }[];
    expect(nodes.map((node) => [node.name, node.testDeps])).toEqual([
      ['libs/core', ['test/helpers']],
      ['libs/ui', []],
      ['test/helpers', []],
    ]);
  });
});

describe('testDeps in a test run', () => {
  it('builds them before the tests, and holds test imports to deps and testDeps', async () => {
    const build = (testDeps: string[]) => ({
      version: 1,
      targets: {
        'libs/fixtures': {
          kind: 'lib',
          srcs: ['libs/fixtures/src/**'],
        },
        'libs/a': {
          kind: 'lib',
          srcs: ['libs/a/src/**'],
          tests: ['libs/a/test/**'],
          ...(testDeps.length > 0 ? { testDeps } : {}),
        },
      },
    });
    const repo = createTempRepo({
      files: {
        'BUILD.json': `${JSON.stringify(build([]), null, 2)}\n`,
        'libs/fixtures/src/index.ts': 'export const two = 2;\n',
        'libs/a/src/index.ts': 'export const a = 1;\n',
        'libs/a/test/a.test.ts':
          "import { expect, it } from 'vitest';\nimport { two } from '../../fixtures/src/index.ts';\n\nit('adds', () => {\n  expect(1 + 1).toBe(two);\n});\n",
      },
    });
    const undeclared = await runJson(['test', 'libs/a', '--no-typecheck'], repo.dir);
    expect(undeclared.code).toBe(1);
    expect(undeclared.run.tests[0]?.fileErrors[0]?.message).toBe(
      'libs/a/test/a.test.ts:2:21: \'../../fixtures/src/index.ts\' belongs to libs/fixtures, which is neither a dep nor a test dep of libs/a; add "libs/fixtures" to the testDeps of libs/a in BUILD.json',
    );
    repo.write({ 'BUILD.json': `${JSON.stringify(build(['libs/fixtures']), null, 2)}\n` });
    const declared = await runJson(['test', 'libs/a', '--no-typecheck'], repo.dir);
    expect(declared.code).toBe(0);
    // Its test dep built for its tests; its own build, which testDeps are no part of, cached.
    expect(declared.run.builds.map((b) => [b.target, b.status])).toEqual([
      ['libs/fixtures', 'passed'],
      ['libs/a', 'cached'],
    ]);
    expect(declared.run.tests.map((t) => [t.target, t.status])).toEqual([['libs/a', 'passed']]);
  });
});
