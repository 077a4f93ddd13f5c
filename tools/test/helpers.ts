import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';

const made: string[] = [];

/** A fresh temp folder, removed after the current test. */
export function tempDir(prefix = 'mainline-synth-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

export function readText(dir: string, path: string): string {
  return readFileSync(join(dir, path), 'utf8');
}

export function readJson<T>(dir: string, path: string): T {
  return JSON.parse(readText(dir, path)) as T;
}
