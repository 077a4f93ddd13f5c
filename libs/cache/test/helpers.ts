import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { makeTempDir } from '@mainline/test-utils';
import { actionKey } from '../src/index.ts';

/** Files under a new temp folder; a value `{ text, executable }` sets the mode. */
export function writeTree(
  files: Record<string, string | Buffer | { text: string; executable: true }>,
): string {
  const root = makeTempDir('cache-src');
  for (const [path, content] of Object.entries(files)) {
    const full = join(root, path);
    mkdirSync(dirname(full), { recursive: true });
    if (typeof content === 'string' || Buffer.isBuffer(content)) {
      writeFileSync(full, content);
      chmodSync(full, 0o644);
    } else {
      writeFileSync(full, content.text);
      chmodSync(full, 0o755);
    }
  }
  return root;
}

export const keyA = actionKey({ fingerprint: 'a', esbuild: '0.28.2' });
export const keyB = actionKey({ fingerprint: 'b', esbuild: '0.28.2' });
