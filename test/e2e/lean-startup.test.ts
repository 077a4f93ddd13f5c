import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

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
