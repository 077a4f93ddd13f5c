import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createChangedRepo, makeTempDir, runCli } from '../src/index.ts';

interface Metafile {
  inputs: Record<string, { imports: { path: string; kind: string }[] }>;
  outputs: Record<string, { inputs: Record<string, unknown> }>;
}

const metaPath = fileURLToPath(new URL('../../properties/cli/dist/meta.json', import.meta.url));
const heavy = ['ink', 'react', 'vitest', 'esbuild', 'better-sqlite3', 'chokidar'];

/**
 * What the CLI loads, read from esbuild's metafile of the bundle (`npm run build`): the
 * bundle is one file, so "a command never loads X" means X is not in it at all, or is
 * reached only through a dynamic import, which esbuild keeps lazy.
 */
describe('CLI start-up stays lean', () => {
  const meta = JSON.parse(readFileSync(metaPath, 'utf8')) as Metafile;
  const bundled = Object.values(meta.outputs).flatMap((output) => Object.keys(output.inputs));

  it('never bundles ink, react, vitest, esbuild, better-sqlite3 or chokidar', () => {
    expect(bundled.length).toBeGreaterThan(20);
    const found = heavy.filter((name) =>
      bundled.some((input) => input.includes(`node_modules/${name}/`)),
    );
    expect(found).toEqual([]);
  });

  it('loads graphology only when a command asks for layers', () => {
    const imports = Object.entries(meta.inputs).flatMap(([from, input]) =>
      input.imports
        .filter((entry) => /node_modules\/graphology(-dag)?\//.test(entry.path))
        .map((entry) => ({ from, kind: entry.kind })),
    );
    const fromOutside = imports.filter((entry) => !entry.from.includes('node_modules/'));
    expect(fromOutside.length).toBeGreaterThan(0);
    expect(fromOutside.every((entry) => entry.kind === 'dynamic-import')).toBe(true);
  });
});

describe('commands run from a code cache', () => {
  it('load nothing by import(): only `watch` and `tui`, which run without the cache, do', () => {
    // bin/mainline.cjs runs build, test and the quick commands from a V8 code cache, and
    // code compiled from one cannot import(): esbuild and the JUnit writer are required.
    // `watch` imports chokidar; `tui` its own ES module bundle (ink and react are ESM).
    const bundle = readFileSync(metaPath.replace(/meta\.json$/, 'main.cjs'), 'utf8');
    const calls = [...bundle.matchAll(/(?<![\w$.])import\(([^()]*)\)(\{)?/g)].filter(
      (match) => match[2] === undefined, // `import(x) {` is a method (graphology's)
    );
    expect(calls).toHaveLength(2);
  });
});

describe('the affected path at run time', () => {
  it('loads none of the tools that build and test (they are external to the bundle)', async () => {
    const repo = createChangedRepo();
    const report = join(makeTempDir('loaded'), 'modules.txt');
    const hook = join(makeTempDir('hook'), 'hook.cjs');
    writeFileSync(
      hook,
      `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(report)}, Object.keys(require.cache).join('\\n')));`,
    );
    const result = await runCli(['affected', '--base', 'HEAD~1'], {
      cwd: repo.dir,
      env: { NODE_OPTIONS: `--require ${hook}` },
    });
    expect(result.code).toBe(0);
    const loaded = readFileSync(report, 'utf8').split('\n');
    expect(loaded).toContain(hook); // the hook ran in the CLI's own process
    const tools = [...heavy, 'typescript', 'junit-report-builder'];
    expect(
      loaded.filter((file) => tools.some((name) => file.includes(`node_modules/${name}/`))),
    ).toEqual([]);
  });
});
