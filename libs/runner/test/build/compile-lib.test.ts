import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compileTarget } from '../../src/build/index.ts';
import { repoWith } from './fixture.ts';

const lib = { name: 'libs/a', kind: 'lib' } as const;

describe('compileTarget (lib)', () => {
  it('transpiles each source file to runnable ESM with source maps', async () => {
    const root = repoWith({
      'libs/a/src/index.ts': [
        "import type { Unit } from './types.ts';",
        "import { twice } from './math.ts';",
        "import { label } from './label';",
        "import { nested } from './deep';",
        "export { shout } from './shout.js';",
        'export const unit: Unit = "cm";',
        "export const run = (n: number): string => label(twice(n)) + ' ' + nested;",
        "export const lazy = () => import('./math.ts');",
      ].join('\n'),
      'libs/a/src/types.ts': "export type Unit = 'cm' | 'mm';",
      'libs/a/src/math.ts': 'export const twice = (n: number): number => n * 2;',
      'libs/a/src/label.ts': "export function label(n: number): string { return '#' + n; }",
      'libs/a/src/shout.ts': 'export const shout = (s: string): string => s.toUpperCase();',
      'libs/a/src/deep/index.ts': "export const nested = 'deep';",
      'libs/a/test/a.test.ts': 'this is not even TypeScript (',
    });
    const outDir = join(root, 'out');
    const files = [
      'libs/a/src/index.ts',
      'libs/a/src/types.ts',
      'libs/a/src/math.ts',
      'libs/a/src/label.ts',
      'libs/a/src/shout.ts',
      'libs/a/src/deep/index.ts',
      'libs/a/package.json',
    ];
    const result = await compileTarget({ root, target: lib, files, outDir, packages: new Map() });
    expect(result.diagnostics).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.mode).toBe('transpile');
    const js = ['deep/index', 'index', 'label', 'math', 'shout', 'types'].map((f) => `src/${f}.js`);
    expect(result.outputs).toEqual(js.flatMap((f) => [f, `${f}.map`]).sort());
    const index = readFileSync(join(outDir, 'src/index.js'), 'utf8');
    expect(index).toContain('from "./math.js"');
    expect(index).toContain('from "./deep/index.js"');
    expect(index).not.toContain('twice = ');
    const map = JSON.parse(readFileSync(join(outDir, 'src/index.js.map'), 'utf8'));
    expect(map.sources).toEqual(['../../libs/a/src/index.ts']);
    const mod = await import(pathToFileURL(join(outDir, 'src/index.js')).href);
    expect(mod.run(21)).toBe('#42 deep');
    expect(mod.shout('x')).toBe('X');
    expect((await mod.lazy()).twice(2)).toBe(4);
    expect(existsSync(join(outDir, 'test'))).toBe(false);
  });

  it('keeps imports of other packages and of files it does not compile as written', async () => {
    const root = repoWith({
      'libs/a/src/index.ts': [
        "import { x } from '@x/b';",
        "import data from './data.json' with { type: 'json' };",
        "import { readFileSync } from 'node:fs';",
        'export const all = [x, data, readFileSync];',
      ].join('\n'),
      'libs/a/src/data.json': '{}',
    });
    const outDir = join(root, 'out');
    const result = await compileTarget({
      root,
      target: lib,
      files: ['libs/a/src/index.ts', 'libs/a/src/data.json'],
      outDir,
      packages: new Map(),
    });
    expect(result.ok).toBe(true);
    expect(result.outputs).toEqual(['src/index.js', 'src/index.js.map']);
    const index = readFileSync(join(outDir, 'src/index.js'), 'utf8');
    expect(index).toContain('from "@x/b"');
    expect(index).toContain('from "./data.json"');
    expect(index).toContain('from "node:fs"');
  });

  it('reports syntax errors with repo-relative file, line and column', async () => {
    const root = repoWith({
      'libs/a/src/index.ts': 'export const ok = 1;\nexport const broken = (;\n',
      'libs/a/src/other.ts': 'export const fine = 2;\nconst = 3;\n',
    });
    const result = await compileTarget({
      root,
      target: lib,
      files: ['libs/a/src/index.ts', 'libs/a/src/other.ts'],
      outDir: join(root, 'out'),
      packages: new Map(),
    });
    expect(result.ok).toBe(false);
    expect(result.outputs).toEqual([]);
    expect(result.diagnostics.map((d) => [d.severity, d.file, d.line, d.column])).toEqual([
      ['error', 'libs/a/src/index.ts', 2, 24],
      ['error', 'libs/a/src/other.ts', 2, 7],
    ]);
    expect(result.diagnostics[0]?.message).toMatch(/Unexpected/);
  });

  it('succeeds with nothing to compile', async () => {
    const root = repoWith({ 'libs/a/package.json': '{}' });
    const result = await compileTarget({
      root,
      target: lib,
      files: ['libs/a/package.json'],
      outDir: join(root, 'out'),
      packages: new Map(),
    });
    expect(result).toMatchObject({ ok: true, outputs: [], diagnostics: [] });
  });
});
