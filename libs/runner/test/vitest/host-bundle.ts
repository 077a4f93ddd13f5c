import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeTempDir } from '@mainline/test-utils';
import { build } from 'esbuild';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));

/**
 * host-entry.ts bundled to CommonJS as the CLI is (vitest left out, loaded from the
 * repository's node_modules): the script runVitestInHost starts.
 */
export async function bundleTestHost(): Promise<string> {
  const dir = makeTempDir('runner-host');
  symlinkSync(join(repoRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
  const entry = join(dir, 'host.cjs');
  await build({
    entryPoints: [fileURLToPath(new URL('./host-entry.ts', import.meta.url))],
    outfile: entry,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    logLevel: 'silent',
  });
  return entry;
}
