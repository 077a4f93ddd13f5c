import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MainlineError } from '@mainline/core';
import { describe, expect, it, vi } from 'vitest';
import { findChecker, typecheck, workspacePackages } from '../../src/build/index.ts';
import { mainlineRoot, manifest, ownersOf, repoWith, workspaceOf, writeFiles } from './fixture.ts';

const checker = findChecker('tsc', mainlineRoot);

const strictBase = JSON.stringify({
  compilerOptions: {
    target: 'ES2022',
    module: 'ESNext',
    moduleResolution: 'bundler',
    strict: true,
    noUncheckedIndexedAccess: true,
    allowImportingTsExtensions: true,
    verbatimModuleSyntax: true,
    types: [],
    noEmit: true,
  },
});

const workspace = workspaceOf({
  'libs/a': {},
  'libs/b': { deps: ['libs/a'] },
  'libs/c': { deps: ['libs/b'] },
});

/** Three libs, a <- b <- c, importing each other by package name; no node_modules at all. */
function threeLibs(aSource: string): string {
  return repoWith({
    'tsconfig.base.json': strictBase,
    'libs/a/package.json': manifest('@x/a', {
      exports: { '.': './src/index.ts', './extra': './src/extra.ts' },
    }),
    'libs/a/src/index.ts': aSource,
    'libs/a/src/extra.ts': 'export const extra: readonly number[] = [1];',
    'libs/b/package.json': manifest('@x/b'),
    'libs/b/src/index.ts': [
      "import { double } from '@x/a';",
      "import { extra } from '@x/a/extra';",
      'export const four: number = double(2) + (extra[0] ?? 0);',
    ].join('\n'),
    'libs/b/test/b.test.ts':
      "import { four } from '../src/index.ts';\nexport const t: number = four;",
    'libs/c/package.json': manifest('@x/c'),
    'libs/c/src/index.ts': "import { four } from '@x/b';\nexport const eight = four * 2;",
  });
}

const files = {
  'libs/a': ['libs/a/src/index.ts', 'libs/a/src/extra.ts', 'libs/a/package.json'],
  'libs/b': ['libs/b/src/index.ts', 'libs/b/test/b.test.ts'],
  'libs/c': ['libs/c/src/index.ts'],
};

async function check(
  root: string,
  targets: (keyof typeof files)[],
  tempDir = join(root, '.mainline/tmp'),
) {
  return typecheck({
    root,
    targets: targets.map((name) => ({ name, files: files[name] })),
    packages: await workspacePackages(root, workspace),
    owners: ownersOf(workspace),
    tempDir,
    checker,
  });
}

describe('typecheck', () => {
  it('passes targets that type-check against their deps sources', async () => {
    const root = threeLibs('export function double(x: number): number {\n  return x * 2;\n}\n');
    const result = await check(root, ['libs/a', 'libs/b', 'libs/c']);
    expect(result.diagnostics).toEqual([]);
    expect(result).toMatchObject({ ok: true, failedTargets: [] });
    expect(result.checker).toMatch(/^tsc \d/);
    // The generated config lived in a subfolder of tempDir, removed afterwards.
    expect(readdirSync(join(root, '.mainline/tmp'))).toEqual([]);
  });

  it('type errors across a lib boundary: a changed export of A fails B, on B', async () => {
    const root = threeLibs('export function double(x: string): string {\n  return x + x;\n}\n');
    // Checking B alone: A's source is read through `paths`, there is no node_modules.
    const result = await check(root, ['libs/b']);
    expect(result.ok).toBe(false);
    expect(result.failedTargets).toEqual(['libs/b']);
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        file: 'libs/b/src/index.ts',
        line: 3,
        code: 'TS2322',
        target: 'libs/b',
      }),
      {
        severity: 'error',
        file: 'libs/b/src/index.ts',
        line: 3,
        column: 36,
        code: 'TS2345',
        message: "Argument of type 'number' is not assignable to parameter of type 'string'.",
        target: 'libs/b',
      },
    ]);
  });

  it('puts an error in a dep file on the dep, found through owners', async () => {
    const root = threeLibs('export function double(x: number): number {\n  return "x" + x;\n}\n');
    const result = await check(root, ['libs/c']);
    expect(result.failedTargets).toEqual(['libs/a']);
    expect(result.diagnostics.map((d) => [d.file, d.line, d.code, d.target])).toEqual([
      ['libs/a/src/index.ts', 2, 'TS2322', 'libs/a'],
    ]);
  });

  it('writes its config outside the repository when asked, finding @types there', async () => {
    const root = threeLibs('export function double(x: number): number {\n  return x * 2;\n}\n');
    const options = { ...JSON.parse(strictBase).compilerOptions, types: ['fake'] };
    writeFiles(root, {
      'tsconfig.base.json': JSON.stringify({ compilerOptions: options }),
      'node_modules/@types/fake/index.d.ts': 'declare const fakeGlobal: number;',
      'libs/c/src/index.ts':
        "import { four } from '@x/b';\nexport const eight = four * fakeGlobal;",
    });
    const outside = repoWith({});
    const result = await check(root, ['libs/c'], outside);
    expect(result.diagnostics).toEqual([]);
    expect(readdirSync(outside)).toEqual([]);
  });

  it("keeps the repository's own paths aliases (Nx style, no package.json)", async () => {
    const root = repoWith({
      'tsconfig.base.json': JSON.stringify({
        compilerOptions: {
          ...JSON.parse(strictBase).compilerOptions,
          paths: { '@org/a': ['./libs/a/src/index.ts'] },
        },
      }),
      'libs/a/src/index.ts': 'export const a: number = 1;',
      'libs/b/src/index.ts': "import { a } from '@org/a';\nexport const b: string = a;",
    });
    const result = await typecheck({
      root,
      targets: [{ name: 'libs/b', files: ['libs/b/src/index.ts'] }],
      packages: new Map(),
      tempDir: repoWith({}),
      checker,
    });
    expect(result.diagnostics.map((d) => [d.file, d.code, d.target])).toEqual([
      ['libs/b/src/index.ts', 'TS2322', 'libs/b'],
    ]);
  });

  it('checks test files when given, and passes with no TypeScript file to check', async () => {
    const root = threeLibs('export function double(x: number): number {\n  return x * 2;\n}\n');
    writeFiles(root, {
      'libs/b/test/b.test.ts':
        "import { four } from '../src/index.ts';\nexport const t: string = four;",
    });
    const result = await check(root, ['libs/b']);
    expect(result.diagnostics.map((d) => [d.file, d.target])).toEqual([
      ['libs/b/test/b.test.ts', 'libs/b'],
    ]);
    const none = await typecheck({
      root,
      targets: [{ name: 'libs/a', files: ['libs/a/package.json'] }],
      packages: new Map(),
      tempDir: join(root, 'tmp'),
      checker,
    });
    expect(none).toMatchObject({ ok: true, diagnostics: [] });
    expect(existsSync(join(root, 'tmp'))).toBe(false);
  });

  it('fails with checkerFailed when the checker dies without diagnostics, checkerMissing when it cannot start', async () => {
    const root = threeLibs('export const double = (x: number) => x;');
    writeFiles(root, {
      'crash.mjs': "process.stderr.write('out of memory\\n'); process.exit(134);",
    });
    const crash = { command: process.execPath, args: [join(root, 'crash.mjs')], label: 'crashing' };
    const targets = [{ name: 'libs/a', files: files['libs/a'] }];
    const request = { root, targets, packages: new Map(), tempDir: join(root, 'tmp') };
    const failed = await typecheck({ ...request, checker: crash }).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(MainlineError);
    expect(failed).toMatchObject({
      code: 'checkerFailed',
      message: 'crashing exited with 134',
      hint: 'out of memory',
    });
    const missing = { command: join(root, 'no-such-tsc'), args: [], label: 'missing' };
    const notFound = await typecheck({ ...request, checker: missing }).catch((e: unknown) => e);
    expect(notFound).toMatchObject({ code: 'checkerMissing' });
    expect(() => findChecker('tsgo', root)).toThrow(/native-preview is not installed/);
  });

  it('stops the checker when aborted, and removes its config', async () => {
    const root = threeLibs('export const double = (x: number) => x;');
    writeFiles(root, {
      'hang.mjs': [
        "import { writeFileSync } from 'node:fs';",
        "writeFileSync('started', String(process.pid));",
        'setTimeout(() => {}, 60_000);',
      ].join('\n'),
    });
    const hang = { command: process.execPath, args: [join(root, 'hang.mjs')], label: 'hanging' };
    const controller = new AbortController();
    const started = performance.now();
    const running = typecheck({
      root,
      targets: [{ name: 'libs/a', files: files['libs/a'] }],
      packages: new Map(),
      tempDir: join(root, 'tmp'),
      checker: hang,
      signal: controller.signal,
    });
    await vi.waitFor(() => expect(existsSync(join(root, 'started'))).toBe(true));
    controller.abort();
    await expect(running).rejects.toMatchObject({ name: 'AbortError' });
    const pid = Number(readFileSync(join(root, 'started'), 'utf8'));
    await vi.waitFor(() => expect(() => process.kill(pid, 0)).toThrow());
    expect(performance.now() - started).toBeLessThan(30_000);
    expect(readdirSync(join(root, 'tmp'))).toEqual([]);
  });
});
