import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeTempDir } from './temp-dirs.ts';
import { build } from 'esbuild';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/**
 * A test host's entry (a TypeScript file whose main is serveTestHost) bundled to CommonJS
 * as the CLI bundles its own (vitest left out, loaded from the repository's node_modules):
 * the script runVitestInHost starts, for tests of the runner and the engine.
 */
export async function bundleTestHost(entry: URL): Promise<string> {
  const dir = makeTempDir('runner-host');
  symlinkSync(join(repoRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
  const bundle = join(dir, 'host.cjs');
  await build({
    entryPoints: [fileURLToPath(entry)],
    outfile: bundle,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    // As the CLI's bundle: jsonc-parser's UMD main hides its requires from the bundler.
    mainFields: ['module', 'main'],
    logLevel: 'silent',
  });
  return bundle;
}
