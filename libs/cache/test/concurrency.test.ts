import { spawn } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeTempDir } from '@mainline/test-utils';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { openLocalCache } from '../src/index.ts';
import { keyA } from './helpers.ts';

/**
 * Real processes against one cache folder: two writers store the same key (and the same
 * new blobs) over and over, while a reader looks the key up and restores it. Each writer
 * must succeed every time; the reader must never see a corrupt manifest or blob.
 */
const child = `
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
const [bundle, role, stateDir, key, work, iterations, startAt] = process.argv.slice(2);
const { openLocalCache } = await import(bundle);
const cache = openLocalCache(stateDir);
while (Date.now() < Number(startAt)) {} // start together
const counts = {};
const count = (name) => { counts[name] = (counts[name] ?? 0) + 1; };
mkdirSync(join(work, 'dist'), { recursive: true });
// A reader also goes on until it has seen a stored entry: on a loaded machine it can
// finish its reads before the writers' first store.
const deadline = Number(startAt) + 30000;
const more = (i) =>
  i < Number(iterations) || (role === 'reader' && !counts.hit && Date.now() < deadline);
for (let i = 0; more(i); i++) {
  if (role === 'reader') {
    const found = await cache.lookup(key);
    if (found.kind === 'miss') { count('lookup-' + found.reason); continue; }
    const restored = await cache.restore(found.action, join(work, 'out'));
    if (restored.kind === 'miss') { count('restore-' + restored.reason); continue; }
    const writer = readFileSync(join(work, 'out/dist/writer.txt'), 'utf8');
    const shared = readFileSync(join(work, 'out/dist/shared.bin'));
    const ok = writer === found.action.metadata.labels.writer &&
      shared.length === 65536 && shared.every((byte) => byte === shared[0]);
    count(ok ? 'hit' : 'inconsistent');
  } else {
    // The same 64 KiB blob in both writers for the same i: concurrent writes of one blob.
    writeFileSync(join(work, 'dist/shared.bin'), Buffer.alloc(65536, i % 60));
    writeFileSync(join(work, 'dist/writer.txt'), role);
    await cache.store(key, {
      rootDir: work,
      files: ['dist/shared.bin', 'dist/writer.txt'],
      labels: { writer: role },
    });
    count('stored');
  }
}
process.stdout.write(JSON.stringify(counts));
`;

let bundle = '';
let script = '';

beforeAll(async () => {
  const dir = makeTempDir('cache-bundle');
  bundle = join(dir, 'cache.mjs');
  script = join(dir, 'child.mjs');
  await build({
    entryPoints: [fileURLToPath(new URL('../src/index.ts', import.meta.url))],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: bundle,
    logLevel: 'silent',
  });
  writeFileSync(script, child);
});

function runChild(args: readonly string[]): Promise<Record<string, number>> {
  return new Promise((resolve, reject) => {
    const process_ = spawn(process.execPath, [script, bundle, ...args], { stdio: 'pipe' });
    let stdout = '';
    let stderr = '';
    process_.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    process_.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    process_.on('error', reject);
    process_.on('close', (code) => {
      if (code === 0) resolve(JSON.parse(stdout) as Record<string, number>);
      else reject(new Error(`child ${args[0]} exited ${code}: ${stderr}`));
    });
  });
}

describe('concurrent processes', () => {
  it('store the same key and blobs at once, and a reader never sees a partial entry', async () => {
    const state = makeTempDir('state');
    const iterations = 120;
    const startAt = Date.now() + 500; // after every child has loaded the bundle
    const run = (role: string, times: number) =>
      runChild([role, state, keyA, makeTempDir(role), String(times), String(startAt)]);
    const [one, two, reader] = await Promise.all([
      run('writer-1', iterations),
      run('writer-2', iterations),
      run('reader', iterations * 2),
    ]);
    expect(one).toEqual({ stored: iterations });
    expect(two).toEqual({ stored: iterations });
    // Every read was a valid hit or (before the first store) absent; nothing else.
    expect(
      Object.keys(reader).filter((name) => name !== 'hit' && name !== 'lookup-absent'),
    ).toEqual([]);
    expect(reader.hit).toBeGreaterThan(0);

    const cache = openLocalCache(state);
    const found = await cache.lookup(keyA);
    if (found.kind !== 'hit') throw new Error(found.detail);
    expect(await cache.restore(found.action, makeTempDir('out'))).toMatchObject({ files: 2 });
    // 251 distinct shared blobs (i % 60) and the two writer.txt contents; no temp file left.
    expect(await cache.stats()).toMatchObject({ actions: 1, blobs: 62 });
    for (const store of ['ac', 'cas']) {
      for (const fan of readdirSync(join(cache.dir, store))) {
        const temps = readdirSync(join(cache.dir, store, fan)).filter((n) => n.startsWith('.'));
        expect(temps).toEqual([]);
      }
    }
  });
});
