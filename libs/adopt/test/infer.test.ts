import { MainlineError } from '@mainline/core';
import { describe, expect, it } from 'vitest';
import { parseBuildFile } from '@mainline/workspace';
import { formatBuildJson, inferTargets } from '../src/index.ts';
import { workspaceInput } from './fixtures.ts';

const packages = {
  'packages/core': { manifest: { name: '@x/core' }, files: ['src/index.ts'] },
  'packages/util': {
    manifest: { name: '@x/util', dependencies: { '@x/core': 'workspace:^' } },
    files: ['src/index.ts'],
  },
  'apps/web': {
    manifest: {
      name: 'web',
      dependencies: { '@x/util': '1.0.0', react: '19.0.0' },
      devDependencies: { '@x/core': '*' },
    },
    files: ['src/main.ts'],
  },
  'tools/cli': {
    manifest: { name: 'cli', bin: { cli: './src/cli.ts' }, peerDependencies: { '@x/core': '*' } },
    files: ['src/cli.ts'],
  },
};

describe('inferTargets', () => {
  it.each([
    ['npm (a list)', { workspaces: ['packages/*', 'apps/*', 'tools/*'] }],
    ['yarn ({ packages })', { workspaces: { packages: ['packages/*', 'apps/*', 'tools/*'] } }],
    [
      'pnpm (pnpm-workspace.yaml)',
      { pnpm: "packages:\n  - 'packages/*'\n  - apps/*\n  - ./tools/*/\n" },
    ],
  ])('reads the workspaces of %s', (_name, root) => {
    const inference = inferTargets(workspaceInput(root, packages));
    expect(inference.targets.map((target) => target.name)).toEqual([
      'apps/web',
      'packages/core',
      'packages/util',
      'tools/cli',
    ]);
  });

  it('takes deps from dependencies, devDependencies and peerDependencies, by package name', () => {
    const { targets } = inferTargets(workspaceInput({ workspaces: ['*/*'] }, packages));
    const deps = Object.fromEntries(
      targets.map((target) => [
        target.name,
        target.deps.map((dep) => `${dep.target} (${dep.field})`),
      ]),
    );
    expect(deps).toEqual({
      'apps/web': ['packages/core (devDependencies)', 'packages/util (dependencies)'],
      'packages/core': [],
      'packages/util': ['packages/core (dependencies)'],
      'tools/cli': ['packages/core (peerDependencies)'],
    });
  });

  it('makes a property of a package with a bin or without dependents, with its entry', () => {
    const { targets } = inferTargets(workspaceInput({ workspaces: ['*/*'] }, packages));
    const kinds = targets.map(({ name, kind, kindReason, entry }) => ({
      name,
      kind,
      kindReason,
      entry,
    }));
    expect(kinds).toEqual([
      {
        name: 'apps/web',
        kind: 'property',
        kindReason: 'no workspace package depends on it',
        entry: 'apps/web/src/main.ts',
      },
      {
        name: 'packages/core',
        kind: 'lib',
        kindReason: '3 workspace packages depend on it',
        entry: undefined,
      },
      {
        name: 'packages/util',
        kind: 'lib',
        kindReason: '1 workspace package depends on it',
        entry: undefined,
      },
      {
        name: 'tools/cli',
        kind: 'property',
        kindReason: 'it has a bin',
        entry: 'tools/cli/src/cli.ts',
      },
    ]);
  });

  it('takes the srcs as the whole package folder and root configuration as global inputs', () => {
    const inference = inferTargets(
      workspaceInput({ workspaces: ['packages/*'] }, packages, [
        'tsconfig.base.json',
        'tsconfig.json',
        'jest.config.js',
        'jest.base.config.js',
        'biome.json',
        'README.md',
        'packages/tsconfig.json',
      ]),
    );
    expect(inference.targets[0]?.srcs).toEqual(['packages/core/**']);
    expect(inference.globalInputs).toEqual([
      'jest.base.config.js',
      'jest.config.js',
      'tsconfig.base.json',
      'tsconfig.json',
    ]);
  });

  it('selects folders with a package.json, honours ! exclusions, and never reads node_modules', () => {
    const inference = inferTargets(
      workspaceInput(
        { workspaces: ['packages/**', '!packages/private/**'] },
        {
          'packages/a': { manifest: { name: 'a' } },
          'packages/group/b': { manifest: { name: 'b' } },
          'packages/private/c': { manifest: { name: 'c' } },
        },
        ['packages/docs/README.md', 'packages/a/node_modules/d/package.json'],
      ),
    );
    expect(inference.targets.map((target) => target.name)).toEqual([
      'packages/a',
      'packages/group/b',
    ]);
  });

  it('gives a package inside another no target of its own, and says so', () => {
    const inference = inferTargets(
      workspaceInput(
        { workspaces: ['packages/**'] },
        {
          'packages/a': { manifest: { name: 'a' }, files: ['x.ts'] },
          'packages/a/example': { manifest: { name: 'a-example' }, files: ['y.ts'] },
          'packages/a-b': { manifest: { name: 'a-b' } },
        },
      ),
    );
    expect(inference.targets.map((target) => target.name)).toEqual(['packages/a', 'packages/a-b']);
    expect(inference.targets[0]?.files).toContain('packages/a/example/y.ts');
    expect(inference.warnings).toMatchObject([
      {
        file: 'packages/a/example/package.json',
        message: expect.stringContaining('inside the package packages/a'),
      },
    ]);
  });

  it('leaves out the dev dependency that closes a cycle, with a warning at its line', () => {
    const inference = inferTargets({
      ...workspaceInput(
        { workspaces: ['p/*'] },
        {
          'p/a': { manifest: { name: 'a', dependencies: { b: '*' } } },
          'p/b': { manifest: { name: 'b', devDependencies: { a: '*' } } },
        },
      ),
      manifests: new Map([
        ['p/a', '{"name":"a","dependencies":{"b":"*"}}'],
        ['p/b', '{\n  "name": "b",\n  "devDependencies": {\n    "a": "*"\n  }\n}'],
      ]),
    });
    expect(inference.targets.map((target) => target.deps.map((dep) => dep.target))).toEqual([
      ['p/b'],
      [],
    ]);
    expect(inference.warnings).toEqual([
      expect.objectContaining({
        file: 'p/b/package.json',
        line: 4,
        column: 5,
        severity: 'warning',
      }),
    ]);
    expect(inference.warnings[0]?.message).toBe(
      'p/b -> p/a left out of deps: it would close a dependency cycle',
    );
  });

  it('breaks a cycle of plain dependencies too, so BUILD.json stays valid', () => {
    const inference = inferTargets(
      workspaceInput(
        { workspaces: ['p/*'] },
        {
          'p/a': { manifest: { name: 'a', dependencies: { b: '*' } } },
          'p/b': { manifest: { name: 'b', dependencies: { c: '*' } } },
          'p/c': { manifest: { name: 'c', dependencies: { a: '*' } } },
        },
      ),
    );
    const edges = inference.targets.flatMap((target) =>
      target.deps.map((dep) => `${target.name}->${dep.target}`),
    );
    expect(edges).toEqual(['p/a->p/b', 'p/b->p/c']);
    expect(inference.warnings).toHaveLength(1);
  });

  it('refuses a repository that declares no workspaces, or unreadable manifests', () => {
    expect(() => inferTargets(workspaceInput({}, {}))).toThrow(
      expect.objectContaining({
        code: 'noWorkspaces',
        hint: expect.stringContaining('"workspaces"'),
      }),
    );
    expect(() => inferTargets({ ...workspaceInput({ pnpm: 'packages: [a' }, {}) })).toThrow(
      expect.objectContaining({ code: 'workspaceDeclarationInvalid' }),
    );
    expect(() => inferTargets(workspaceInput({ workspaces: ['nowhere/*'] }, packages))).toThrow(
      'no workspace package: package.json workspaces lists nowhere/*, and no folder holding a package.json that git lists matches',
    );
    const broken = workspaceInput({ workspaces: ['p/*'] }, { 'p/a': { manifest: {} } });
    expect(() => inferTargets({ ...broken, manifests: new Map([['p/a', '{ nope']]) })).toThrow(
      MainlineError,
    );
  });

  it('runs with jest the tests of packages that use it, and says when jest-junit is missing', () => {
    const tested = { files: ['src/a.test.ts'] };
    const repo = (root: object, extra: readonly string[] = []) =>
      inferTargets({
        ...workspaceInput(
          { workspaces: ['p/*'] },
          {
            'p/jest': { manifest: { name: 'j', scripts: { test: 'jest --coverage' } }, ...tested },
            'p/vitest': { manifest: { name: 'v', scripts: { test: 'vitest run' } }, ...tested },
            'p/silent': { manifest: { name: 's' }, ...tested },
            'p/untested': { manifest: { name: 'u', scripts: { test: 'jest' } } },
          },
          extra,
        ),
        rootManifest: JSON.stringify({ workspaces: ['p/*'], ...root }),
      });
    const runners = (inference: ReturnType<typeof inferTargets>) =>
      inference.targets.map((target) => (target.testRunner ? 'jest' : 'vitest'));

    const plain = repo({ devDependencies: { 'jest-junit': '16.0.0' } });
    expect(runners(plain)).toEqual(['jest', 'vitest', 'vitest', 'vitest']); // jest, silent, untested, vitest
    expect(plain.warnings).toEqual([]);
    expect(plain.targets[0]?.testRunner?.command).toEqual([
      'npx',
      'jest',
      '--ci',
      '--reporters=default',
      '--reporters=jest-junit',
    ]);
    const rootJest = repo({}, ['jest.config.js']);
    expect(runners(rootJest)).toEqual(['jest', 'jest', 'vitest', 'vitest']); // jest, silent, untested, vitest
    expect(rootJest.warnings).toMatchObject([
      {
        file: 'package.json',
        message: expect.stringContaining('2 targets run their tests with jest'),
      },
    ]);
    expect(
      parseBuildFile(formatBuildJson(rootJest), 'BUILD.json').workspace.targets.get('p/jest')
        ?.testRunner,
    ).toEqual(rootJest.targets[0]?.testRunner);
    // With only the root's jest config, jest runs at the root on the package's folder.
    expect(rootJest.targets.map((target) => target.testRunner)).toEqual([
      {
        command: [
          'npx',
          'jest',
          'p/jest/',
          '--ci',
          '--reporters=default',
          '--reporters=jest-junit',
        ],
        cwd: '.',
      },
      {
        command: [
          'npx',
          'jest',
          'p/silent/',
          '--ci',
          '--reporters=default',
          '--reporters=jest-junit',
        ],
        cwd: '.',
      },
      undefined,
      undefined,
    ]);
  });
});
