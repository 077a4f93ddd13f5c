import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileTarget, workspacePackages } from '../../src/build/index.ts';
import { manifest, repoWith, workspaceOf } from './fixture.ts';

const property = {
  name: 'properties/web',
  kind: 'property',
  entry: 'properties/web/src/main.ts',
} as const;

/** A property over two libs, with stale published copies of both in node_modules. */
function repoWithProperty(extra: Record<string, string> = {}): string {
  return repoWith({
    'libs/a/package.json': manifest('@x/a', {
      exports: { '.': './dist/index.js', './extra': './src/extra.ts' },
    }),
    'libs/a/src/index.ts': "export const a = (): string => 'a from source';",
    'libs/a/src/extra.ts': "export const extra = 'extra from source';",
    'libs/b/package.json': manifest('@x/b'),
    'libs/b/src/index.ts': "import { a } from '@x/a';\nexport const b = (): string => 'b+' + a();",
    'properties/web/package.json': manifest('@x/web'),
    'properties/web/src/main.ts': [
      "import { b } from '@x/b';",
      "import { extra } from '@x/a/extra';",
      "import { dep } from 'third-party';",
      "import { basename } from 'node:path';",
      "import { shared } from '#shared/greeting';",
      'console.log(b(), extra, dep, basename("/x/y"), shared);',
    ].join('\n'),
    // A tsconfig path alias into another folder's sources.
    'tsconfig.json': JSON.stringify({
      compilerOptions: { paths: { '#shared/*': ['./shared/src/*.ts'] } },
    }),
    'shared/src/greeting.ts': "export const shared: string = 'alias from source';",
    // What an install left behind: published builds that must not be bundled.
    'node_modules/@x/a/package.json': manifest('@x/a', { exports: './dist/index.js' }),
    'node_modules/@x/a/dist/index.js': "export const a = () => 'a from PUBLISHED';",
    'node_modules/@x/b/package.json': manifest('@x/b', { exports: './dist/index.js' }),
    'node_modules/@x/b/dist/index.js': "export const b = () => 'b from PUBLISHED';",
    'node_modules/third-party/package.json': manifest('third-party', { exports: './index.js' }),
    'node_modules/third-party/index.js': "export const dep = 'third-party at run time';",
    ...extra,
  });
}

const workspace = workspaceOf({
  'libs/a': {},
  'libs/b': { deps: ['libs/a'] },
  'properties/web': { kind: 'property', deps: ['libs/b'], entry: property.entry },
});

describe('compileTarget (bundle)', () => {
  it('bundles upstream libs from their sources and leaves third-party packages external', async () => {
    const root = repoWithProperty();
    const packages = await workspacePackages(root, workspace);
    const outDir = join(root, 'out/web');
    const result = await compileTarget({ root, target: property, files: [], outDir, packages });
    expect(result.diagnostics).toEqual([]);
    expect(result).toMatchObject({ ok: true, mode: 'bundle' });
    expect(result.outputs).toEqual(['src/main.js', 'src/main.js.map']);
    const bundle = readFileSync(join(outDir, 'src/main.js'), 'utf8');
    expect(bundle).toContain('from "third-party"');
    expect(bundle).not.toContain('PUBLISHED');
    const printed = execFileSync(process.execPath, [join(outDir, 'src/main.js')], {
      encoding: 'utf8',
    });
    expect(printed.trim()).toBe(
      'b+a from source extra from source third-party at run time y alias from source',
    );
    const map = JSON.parse(readFileSync(join(outDir, 'src/main.js.map'), 'utf8'));
    expect(map.sources).toEqual(
      expect.arrayContaining([
        '../../../libs/a/src/index.ts',
        '../../../properties/web/src/main.ts',
      ]),
    );
  });

  it('reports an unresolvable import on the importing line', async () => {
    const root = repoWithProperty({
      'libs/b/src/index.ts':
        "import { gone } from '@x/a/private';\nimport { m } from './missing.ts';\nexport const b = () => gone + m;",
    });
    const packages = await workspacePackages(root, workspace);
    const result = await compileTarget({
      root,
      target: property,
      files: [],
      outDir: join(root, 'out'),
      packages,
    });
    expect(result.ok).toBe(false);
    expect(result.outputs).toEqual([]);
    expect(result.diagnostics.map((d) => [d.file, d.line, d.column])).toEqual([
      ['libs/b/src/index.ts', 1, 22],
      ['libs/b/src/index.ts', 2, 19],
    ]);
    expect(result.diagnostics[0]?.message).toContain(
      "subpath './private' is not a TypeScript source exported by @x/a",
    );
    expect(result.diagnostics[1]?.message).toContain('Could not resolve "./missing.ts"');
  });

  it('reports a missing entry on the entry path', async () => {
    const root = repoWithProperty();
    const target = { ...property, entry: 'properties/web/src/nope.ts' };
    const result = await compileTarget({
      root,
      target,
      files: [],
      outDir: join(root, 'out'),
      packages: await workspacePackages(root, workspace),
    });
    expect(result.ok).toBe(false);
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        severity: 'error',
        file: 'properties/web/src/nope.ts',
        message: 'the entry of properties/web does not exist',
      }),
    ]);
  });
});
