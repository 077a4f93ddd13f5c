import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

interface Metafile {
  outputs: Record<
    string,
    {
      entryPoint?: string;
      inputs: Record<string, unknown>;
      imports: { path: string; kind: string }[];
    }
  >;
}

const metaPath = fileURLToPath(new URL('../../properties/cli/dist/meta.json', import.meta.url));
const heavy = ['ink', 'react', 'vitest', 'esbuild', 'better-sqlite3', 'chokidar'];

/** Every input the command's chunk loads: itself and its static imports, transitively. */
function inputsLoadedBy(meta: Metafile, entryPoint: string): Set<string> {
  const outputs = Object.entries(meta.outputs);
  const start = outputs.find(([, out]) => out.entryPoint === entryPoint)?.[0];
  if (start === undefined) throw new Error(`no chunk for ${entryPoint}; run npm run build`);
  const seen = new Set<string>();
  const inputs = new Set<string>();
  const visit = (output: string): void => {
    if (seen.has(output)) return;
    seen.add(output);
    const chunk = meta.outputs[output];
    if (chunk === undefined) return;
    for (const input of Object.keys(chunk.inputs)) inputs.add(input);
    for (const { path, kind } of chunk.imports) if (kind === 'import-statement') visit(path);
  };
  visit(start);
  return inputs;
}

describe('CLI start-up stays lean', () => {
  const meta = JSON.parse(readFileSync(metaPath, 'utf8')) as Metafile;
  const packagesOf = (inputs: Set<string>) =>
    heavy.filter((name) => [...inputs].some((input) => input.includes(`node_modules/${name}/`)));

  it('the entry loads no command and no heavy library', () => {
    const inputs = inputsLoadedBy(meta, 'properties/cli/src/main.ts');
    expect(packagesOf(inputs)).toEqual([]);
    expect([...inputs].some((input) => input.includes('node_modules/simple-git/'))).toBe(false);
  });

  it('the affected command never loads ink, react, vitest or esbuild', () => {
    const inputs = inputsLoadedBy(meta, 'properties/cli/src/commands/affected.ts');
    expect(inputs.size).toBeGreaterThan(10);
    expect(packagesOf(inputs)).toEqual([]);
  });
});
