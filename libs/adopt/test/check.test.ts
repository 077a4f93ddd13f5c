import { parseBuildFile } from '@mainline/workspace';
import { describe, expect, it } from 'vitest';
import { compareWithBuildFile, formatBuildJson, inferTargets } from '../src/index.ts';
import { workspaceInput } from './fixtures.ts';

const input = workspaceInput(
  { workspaces: ['p/*'] },
  {
    'p/a': { manifest: { name: 'a' }, files: ['src/index.ts', 'src/a.test.ts'] },
    'p/b': { manifest: { name: 'b', dependencies: { a: '*' } }, files: ['src/index.ts'] },
  },
  ['tsconfig.json'],
);
const inference = inferTargets(input);
const written = JSON.parse(formatBuildJson(inference));

function differences(edit: (build: typeof written) => void, files = input.files): string[] {
  const build = structuredClone(written);
  edit(build);
  const { workspace } = parseBuildFile(JSON.stringify(build), 'BUILD.json');
  return compareWithBuildFile(inference, workspace, files).map((difference) => difference.message);
}

describe('compareWithBuildFile', () => {
  it('finds none in what init writes', () => {
    expect(differences(() => {})).toEqual([]);
  });

  it('takes hand additions for no difference: deps, srcs, tests, targets, global inputs, a kind, a dep moved to testDeps', () => {
    expect(
      differences((build) => {
        build.targets['p/a'].deps = ['docs'];
        build.targets['p/b'].deps = [];
        build.targets['p/b'].testDeps = ['p/a'];
        build.targets['p/a'].kind = 'property';
        build.targets['p/b'].srcs.push('shared/**');
        build.targets['p/b'].tests = ['p/b/e2e/**'];
        build.targets.docs = { kind: 'lib', srcs: ['tsconfig.json'] };
        build.globalInputs.push('.nvmrc');
      }),
    ).toEqual([]);
  });

  it('lists a package without a target, a dep not declared, a removed package', () => {
    expect(
      differences((build) => {
        delete build.targets['p/a'];
        build.targets['p/b'].deps = [];
        build.targets['p/gone'] = { kind: 'lib', srcs: ['p/gone/**'] };
      }),
    ).toEqual([
      'p/a: a workspace package (a) without a target',
      'p/b: deps lack p/a (its dependencies name a)',
      'p/gone: no file matches its srcs or tests any more (was its package removed?)',
    ]);
  });

  it('lists files left out of srcs, tests counted as sources, a missing global input', () => {
    expect(
      differences((build) => {
        build.targets['p/a'].srcs = ['p/a/README.md'];
        build.targets['p/a'].tests = [];
        build.targets['p/b'].srcs = ['p/b/src/**'];
        build.globalInputs = [];
      }),
    ).toEqual([
      'p/a: p/a/package.json and 1 more file are in none of its srcs or tests',
      'p/a: test file p/a/src/a.test.ts is not in its tests',
      'p/b: p/b/package.json is in none of its srcs or tests',
      'globalInputs: tsconfig.json is missing (root configuration every package reads)',
    ]);
  });

  it('reads srcs with ! negation in order, as every command does', () => {
    expect(
      differences((build) => {
        build.targets['p/a'].srcs = ['p/a/**', '!p/a/src/**'];
      }),
    ).toEqual(['p/a: p/a/src/index.ts is in none of its srcs or tests']);
    expect(
      differences((build) => {
        build.targets['p/a'].srcs = ['p/a/**', '!p/a/src/**', 'p/a/src/index.ts'];
      }),
    ).toEqual([]);
  });
});

describe('formatBuildJson', () => {
  it('writes a valid BUILD.json, sorted, lists on one line when they fit', () => {
    const text = formatBuildJson(inference);
    expect(text).toBe(`{
  "version": 1,
  "globalInputs": ["tsconfig.json"],
  "targets": {
    "p/a": {
      "kind": "lib",
      "srcs": ["p/a/**"],
      "tests": ["p/a/src/**/*.test.ts"]
    },
    "p/b": {
      "kind": "property",
      "srcs": ["p/b/**"],
      "entry": "p/b/src/index.ts",
      "deps": ["p/a"]
    }
  }
}
`);
    expect(parseBuildFile(text, 'BUILD.json').workspace.targets.size).toBe(2);
  });

  it('puts a long list one item a line', () => {
    const deps = Array.from({ length: 20 }, (_, i) => `d${i}`);
    const many = workspaceInput(
      { workspaces: ['*'] },
      {
        main: {
          manifest: {
            name: 'main',
            dependencies: Object.fromEntries(deps.map((d) => [`@scope/${d}`, '*'])),
          },
        },
        ...Object.fromEntries(deps.map((d) => [d, { manifest: { name: `@scope/${d}` } }])),
      },
    );
    const text = formatBuildJson(inferTargets(many));
    expect(text).toContain('      "deps": [\n        "d0",\n        "d1",\n        "d10",\n');
    expect(JSON.parse(text).targets.main.deps).toHaveLength(20);
  });
});
