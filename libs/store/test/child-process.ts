import { type ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeTempDir } from '@mainline/test-utils';
import { build } from 'esbuild';

/**
 * Bundles test/fixtures/child.ts (and the store's sources) into one .mjs that plain
 * `node` runs, in a temp folder that links the repository's node_modules: the store
 * loads better-sqlite3 (external) from beside the bundle, as it does from mainline's.
 */
export async function bundleChild(): Promise<string> {
  const modules = join(dirname(createRequire(import.meta.url).resolve('better-sqlite3')), '../..');
  const dir = makeTempDir('store-child');
  symlinkSync(modules, join(dir, 'node_modules'), 'dir');
  const outfile = join(dir, 'child.mjs');
  await build({
    entryPoints: [fileURLToPath(new URL('./fixtures/child.ts', import.meta.url))],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'silent',
    external: ['better-sqlite3'],
  });
  return outfile;
}

export interface Child {
  readonly process: ChildProcess;
  /** The first line the child prints (rejects if it exits first). */
  readonly firstLine: Promise<string>;
  /** Everything the child printed, once it is gone. */
  readonly output: Promise<string>;
  /** Exit code and signal, once the child is gone (and reaped). */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
}

export function startChild(bundle: string, args: readonly string[]): Child {
  const child = spawn(process.execPath, [bundle, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<{
    code: number | null;
    signal: NodeJS.Signals | null;
    stderr: string;
  }>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stderr })));
  const firstLine = new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const end = stdout.indexOf('\n');
      if (end >= 0) resolve(stdout.slice(0, end));
    });
    void exited.then(({ code, signal }) =>
      reject(new Error(`child exited (${code ?? signal}) before printing a line: ${stderr}`)),
    );
  });
  firstLine.catch(() => {});
  const output = exited.then(() => stdout);
  return { process: child, firstLine, output, exited };
}
