import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileTarget, findChecker, typecheck } from '../../src/build/index.ts';
import { linkAt, mainlineRoot, repoBeside, writeFiles } from './fixture.ts';

const secret = 'OUTSIDE-SECRET';
const lib = { name: 'libs/a', kind: 'lib' } as const;
const app = { name: 'apps/web', kind: 'property', entry: 'apps/web/src/main.ts' } as const;

/** A repository in `<temp>/repo`, next to `<temp>/outside.ts` and `<temp>/outer/y.ts`. */
function repoBesideSecrets(files: Record<string, string>): { root: string; outside: string } {
  const leak = `export const y = '${secret}';`;
  return repoBeside(files, { 'outside.ts': leak, 'outer/y.ts': leak });
}

/** Every output's text: none may hold what is outside. */
function outputsText(outDir: string): string {
  const names = readdirSync(outDir, { recursive: true, withFileTypes: true });
  return names
    .filter((entry) => entry.isFile())
    .map((entry) => readFileSync(join(entry.parentPath, entry.name), 'utf8'))
    .join('\n');
}

describe('compileTarget and symbolic links', () => {
  it('refuses a lib source linked outside, and a relative import through a folder link out', async () => {
    const { root, outside } = repoBesideSecrets({
      'libs/a/src/index.ts': "import { y } from './outer/y.ts';\nexport const z = y;\n",
    });
    linkAt(root, 'libs/a/src/x.ts', join(outside, 'outside.ts'));
    linkAt(root, 'libs/a/src/outer', join(outside, 'outer'));
    const outDir = join(root, 'out');
    const result = await compileTarget({
      root,
      target: lib,
      files: ['libs/a/src/index.ts', 'libs/a/src/x.ts'],
      outDir,
      packages: new Map(),
    });
    expect(result.ok).toBe(false);
    expect(result.diagnostics).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          file: 'libs/a/src/index.ts',
          line: 1,
          column: 19,
          message: `libs/a/src/outer/y.ts leads to ${join(outside, 'outer')} through libs/a/src/outer -> ${join(outside, 'outer')}, outside the repository`,
        }),
        expect.objectContaining({
          message: `libs/a/src/x.ts is a symbolic link to ${join(outside, 'outside.ts')}, outside the repository`,
        }),
      ]),
    );
    mkdirSync(outDir, { recursive: true });
    expect(outputsText(outDir)).not.toContain(secret);
  });

  it('refuses an import of a bundle that leads outside, at the import', async () => {
    const { root, outside } = repoBesideSecrets({
      'apps/web/src/main.ts': "import { y } from './x.ts';\nconsole.log(y);\n",
    });
    linkAt(root, 'apps/web/src/x.ts', '../../../../outside.ts');
    const outDir = join(root, 'out');
    const result = await compileTarget({
      root,
      target: app,
      files: [],
      outDir,
      packages: new Map(),
    });
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        severity: 'error',
        file: 'apps/web/src/main.ts',
        line: 1,
        message: `apps/web/src/x.ts is a symbolic link to ../../../../outside.ts (${join(outside, 'outside.ts')}), outside the repository`,
        hint: expect.stringContaining('by its text'),
      }),
    ]);
    mkdirSync(outDir, { recursive: true });
    expect(outputsText(outDir)).not.toContain(secret);
  });

  it('builds a link inside the repository as a file of its own, when the policy covers it', async () => {
    const { root } = repoBesideSecrets({
      'libs/a/src/real.ts': "export const real = 'inside';\n",
      'apps/web/src/main.ts': "import { real } from './alias.ts';\nconsole.log(real);\n",
      'apps/web/src/real.ts': "export const real = 'bundled through a link';\n",
    });
    linkAt(root, 'libs/a/src/alias.ts', 'real.ts');
    linkAt(root, 'apps/web/src/alias.ts', 'real.ts');
    const outDir = join(root, 'out');
    const files = ['libs/a/src/alias.ts', 'libs/a/src/real.ts'];
    const covered = await compileTarget({ root, target: lib, files, outDir, packages: new Map() });
    expect(covered.outputs).toContain('src/alias.js');
    expect(readFileSync(join(outDir, 'src/alias.js'), 'utf8')).toContain('inside');
    // The source map names the link, not where it leads.
    expect(JSON.parse(readFileSync(join(outDir, 'src/alias.js.map'), 'utf8')).sources).toEqual([
      '../../libs/a/src/alias.ts',
    ]);

    const links = { fingerprinted: (path: string) => path !== 'apps/web/src/real.ts' };
    const bundle = await compileTarget({
      root,
      target: app,
      files: [],
      outDir: join(root, 'out-app'),
      packages: new Map(),
      links: { ...links, reader: 'apps/web' },
    });
    expect(bundle.diagnostics).toEqual([
      expect.objectContaining({
        file: 'apps/web/src/main.ts',
        message:
          'apps/web/src/alias.ts is a symbolic link to real.ts (apps/web/src/real.ts), which is not in the srcs of apps/web or of its deps',
      }),
    ]);
  });
});

describe('typecheck and symbolic links', () => {
  it('checks nothing with compiler options read from outside the repository', async () => {
    const { root, outside } = repoBesideSecrets({ 'libs/a/src/index.ts': 'export {};' });
    writeFiles(outside, { 'tsconfig.json': '{}' });
    linkAt(root, 'tsconfig.base.json', '../tsconfig.json');
    const result = await typecheck({
      root,
      targets: [{ name: 'libs/a', files: ['libs/a/src/index.ts'] }],
      packages: new Map(),
      tempDir: join(root, '.tmp'),
      checker: findChecker('tsc', mainlineRoot),
    });
    expect(result.ok).toBe(false);
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        file: 'tsconfig.base.json',
        message: `tsconfig.base.json is a symbolic link to ../tsconfig.json (${join(outside, 'tsconfig.json')}), outside the repository`,
        target: undefined,
      }),
    ]);
  });
});
