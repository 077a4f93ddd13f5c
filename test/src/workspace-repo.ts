import { createTempRepo, type TempRepo } from './temp-repo.ts';

/** A strict tsconfig.base.json for generated repositories whose sources import `.ts` files. */
export const tsconfigBase = `${JSON.stringify({
  compilerOptions: {
    strict: true,
    target: 'ES2022',
    module: 'ESNext',
    moduleResolution: 'Bundler',
    allowImportingTsExtensions: true,
    noEmit: true,
    skipLibCheck: true,
    types: [],
  },
})}\n`;

/**
 * A small TypeScript monorepo with real code and vitest tests, committed on main:
 * `libs/a` (add), `libs/b` (depends on a), and `properties/app` bundled from its entry
 * (depends on b). Packages are `@fx/a`, `@fx/b`, `@fx/app`; nothing is installed, so
 * everything resolves the way mainline resolves it: workspace packages from source.
 */
export function createWorkspaceRepo(extra: Record<string, string> = {}): TempRepo {
  const manifest = (name: string, exported: boolean): string =>
    `${JSON.stringify({ name, type: 'module', ...(exported ? { exports: { '.': './src/index.ts' } } : {}) })}\n`;
  return createTempRepo({
    files: {
      'package.json': `${JSON.stringify({ name: 'fx', private: true, type: 'module', workspaces: ['libs/*', 'properties/*'] })}\n`,
      'tsconfig.base.json': tsconfigBase,
      'BUILD.json': `${JSON.stringify(
        {
          version: 1,
          globalInputs: ['tsconfig.base.json'],
          targets: {
            'libs/a': {
              kind: 'lib',
              srcs: ['libs/a/src/**', 'libs/a/package.json'],
              tests: ['libs/a/test/**'],
            },
            'libs/b': {
              kind: 'lib',
              srcs: ['libs/b/src/**', 'libs/b/package.json'],
              tests: ['libs/b/test/**'],
              deps: ['libs/a'],
            },
            'properties/app': {
              kind: 'property',
              srcs: ['properties/app/src/**', 'properties/app/package.json'],
              entry: 'properties/app/src/main.ts',
              deps: ['libs/b'],
            },
          },
        },
        null,
        2,
      )}\n`,
      'libs/a/package.json': manifest('@fx/a', true),
      'libs/a/src/index.ts':
        'export function add(x: number, y: number): number {\n  return x + y;\n}\n',
      'libs/a/test/a.test.ts':
        "import { expect, it } from 'vitest';\nimport { add } from '../src/index.ts';\n\nit('adds', () => {\n  expect(add(1, 2)).toBe(3);\n});\n",
      'libs/b/package.json': manifest('@fx/b', true),
      'libs/b/src/index.ts':
        "import { add } from '@fx/a';\n\nexport const three: number = add(1, 2);\n",
      'libs/b/test/b.test.ts':
        "import { expect, it } from 'vitest';\nimport { three } from '@fx/b';\n\nit('is three', () => {\n  expect(three).toBe(3);\n});\n",
      'properties/app/package.json': manifest('@fx/app', false),
      'properties/app/src/main.ts':
        "import { three } from '@fx/b';\n\nconsole.log(`three is ${three}`);\n",
      ...extra,
    },
  });
}
