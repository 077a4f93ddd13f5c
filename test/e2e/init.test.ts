import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTempRepo, runCli } from '../src/index.ts';

/**
 * `mainline init` on small generated workspaces: only files, package.json files and
 * pnpm-workspace.yaml in a real git repository (nothing is installed: init reads manifests).
 */
const manifest = (name: string, fields: object = {}): string => JSON.stringify({ name, ...fields });

/** core <- util <- app, with tests kept where `layout` says. */
function workspaceFiles(layout: 'src/__tests__' | 'test' | 'beside'): Record<string, string> {
  const test = (pkg: string): Record<string, string> =>
    layout === 'src/__tests__'
      ? { [`packages/${pkg}/src/__tests__/${pkg}.test.ts`]: 'it' }
      : layout === 'test'
        ? { [`packages/${pkg}/test/${pkg}.test.ts`]: 'it', [`packages/${pkg}/test/helpers.ts`]: '' }
        : { [`packages/${pkg}/src/${pkg}.spec.ts`]: 'it' };
  return {
    'tsconfig.base.json': '{}',
    '.gitignore': 'node_modules\npackages/ignored\n',
    'packages/ignored/package.json': manifest('ignored'),
    'packages/core/package.json': manifest('@acme/core', { main: 'src/index.ts' }),
    'packages/core/src/index.ts': 'export const core = 1;\n',
    ...test('core'),
    'packages/util/package.json': manifest('@acme/util', {
      dependencies: { '@acme/core': 'workspace:*' },
    }),
    'packages/util/src/index.ts': 'export const util = 1;\n',
    ...test('util'),
    'packages/app/package.json': manifest('@acme/app', {
      bin: { app: 'dist/cli.js' },
      dependencies: { '@acme/util': '^1.0.0', left: '1.0.0' },
      devDependencies: { '@acme/core': 'workspace:^' },
    }),
    'packages/app/src/main.ts': 'export {};\n',
  };
}

describe('mainline init', () => {
  it.each([
    ['npm', 'src/__tests__', { 'package.json': manifest('root', { workspaces: ['packages/*'] }) }],
    [
      'yarn',
      'test',
      { 'package.json': manifest('root', { workspaces: { packages: ['packages/*'] } }) },
    ],
    [
      'pnpm',
      'beside',
      { 'package.json': manifest('root'), 'pnpm-workspace.yaml': "packages:\n  - 'packages/*'\n" },
    ],
  ] as const)(
    'writes BUILD.json from %s workspaces (tests: %s), and affected works on it',
    async (_manager, layout, root) => {
      const repo = createTempRepo({ files: { ...root, ...workspaceFiles(layout) } });
      const init = await runCli(['init'], { cwd: repo.dir });
      expect(init.stderr).toBe('');
      expect(init.code).toBe(0);
      const tests = {
        'src/__tests__': (pkg: string) => [`packages/${pkg}/src/__tests__/**`],
        test: (pkg: string) => [`packages/${pkg}/test/**`],
        beside: (pkg: string) => [`packages/${pkg}/src/**/*.spec.ts`],
      }[layout];
      expect(JSON.parse(readFileSync(join(repo.dir, 'BUILD.json'), 'utf8'))).toEqual({
        version: 1,
        globalInputs: ['tsconfig.base.json'],
        targets: {
          'packages/app': {
            kind: 'property',
            srcs: ['packages/app/**'],
            entry: 'packages/app/src/main.ts',
            deps: ['packages/core', 'packages/util'],
          },
          'packages/core': { kind: 'lib', srcs: ['packages/core/**'], tests: tests('core') },
          'packages/util': {
            kind: 'lib',
            srcs: ['packages/util/**'],
            tests: tests('util'),
            deps: ['packages/core'],
          },
        },
      });
      const where = {
        'src/__tests__': 'src/__tests__/',
        test: 'test/',
        beside: 'beside sources in src/',
      }[layout];
      expect(init.stdout).toContain(
        `3 packages in ${'pnpm-workspace.yaml' in root ? 'pnpm-workspace.yaml' : 'package.json workspaces'}\n`,
      );
      expect(init.stdout).toMatch(
        /packages\/app +property +it has a bin +2 deps +no tests found\n/,
      );
      expect(init.stdout).toMatch(
        new RegExp(
          `packages/core +lib +2 workspace packages depend on it +0 deps +tests: ${where}\n`,
        ),
      );
      expect(init.stdout).toContain(
        'wrote BUILD.json: 3 targets (1 property, 2 libs), 3 deps, 2 with tests\n',
      );

      repo.commit('BUILD.json from init');
      repo.write({ 'packages/util/src/index.ts': 'export const util = 2;\n' });
      repo.commit('change util');
      const affected = await runCli(['affected', '--base', 'HEAD~1', '--json'], { cwd: repo.dir });
      expect(affected.stderr).toBe('');
      const names = (JSON.parse(affected.stdout) as { affected: { name: string }[] }).affected.map(
        (target) => target.name,
      );
      expect(names).toEqual(['packages/app', 'packages/util']);
    },
  );

  it('--check: in step, hand additions, a package and a dep added, a package removed', async () => {
    const repo = createTempRepo({
      files: {
        'package.json': manifest('root', { workspaces: ['packages/*'] }),
        ...workspaceFiles('test'),
      },
    });
    const init = await runCli(['init'], { cwd: repo.dir });
    expect([init.code, init.stderr]).toEqual([0, '']);
    const inStep = await runCli(['init', '--check'], { cwd: repo.dir });
    expect([inStep.code, inStep.stdout]).toEqual([
      0,
      'BUILD.json is in step with the workspaces (3 packages)\n',
    ]);

    // Hand additions: a dep, a source glob, a target of its own.
    const build = JSON.parse(readFileSync(join(repo.dir, 'BUILD.json'), 'utf8'));
    build.targets['packages/core'].deps = ['docs'];
    build.targets['packages/core'].srcs.push('shared/**');
    build.targets.docs = { kind: 'lib', srcs: ['tsconfig.base.json'] };
    repo.write({ 'BUILD.json': JSON.stringify(build, null, 2) });
    expect((await runCli(['init', '--check'], { cwd: repo.dir })).code).toBe(0);

    repo.write({
      'packages/new/package.json': manifest('@acme/new'),
      'packages/util/package.json': manifest('@acme/util', {
        dependencies: { '@acme/core': 'workspace:*', '@acme/new': 'workspace:*' },
      }),
    });
    repo.remove('packages/app');
    const behind = await runCli(['init', '--check'], { cwd: repo.dir });
    expect(behind.code).toBe(1);
    expect(behind.stdout).toBe(
      [
        'packages/new: a workspace package (@acme/new) without a target',
        'packages/util: deps lack packages/new (its dependencies name @acme/new)',
        'packages/app: no file matches its srcs or tests any more (was its package removed?)',
        '',
      ].join('\n'),
    );
    expect(behind.stderr).toContain('BUILD.json is behind the workspaces: 3 differences\n');
    const json = await runCli(['init', '--check', '--json'], { cwd: repo.dir });
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({
      inStep: false,
      differences: [
        { type: 'packageWithoutTarget', target: 'packages/new' },
        { type: 'depMissing', target: 'packages/util', dep: 'packages/new', field: 'dependencies' },
        { type: 'targetWithoutFiles', target: 'packages/app' },
      ],
    });

    const refused = await runCli(['init'], { cwd: repo.dir });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(
      'mainline: BUILD.json exists: init leaves it as it is\n  hint: mainline init --check compares it with the workspaces; mainline init --force writes it anew\n',
    );
    const forced = await runCli(['init', '--force'], { cwd: repo.dir });
    expect(forced.stdout).toContain('overwrote BUILD.json: 3 targets (1 property, 2 libs)');
  });

  it('exits 2 with a hint in a repository that declares no workspaces', async () => {
    const repo = createTempRepo({ files: { 'package.json': manifest('solo') } });
    const result = await runCli(['init'], { cwd: repo.dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'mainline: no workspaces declared: the root package.json has no "workspaces" and there is no pnpm-workspace.yaml with packages\n' +
        '  hint: declare the packages first: "workspaces": ["packages/*"] in package.json (npm, yarn), or packages: in pnpm-workspace.yaml (pnpm)\n',
    );
  });
});
