// Bundles the tools' command-line entries (synthetic repo generator, benchmarks) into
// tools/dist with esbuild, so they start as plain Node scripts without a TS loader.
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = `${root}tools/dist`;

rmSync(outdir, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: {
    synth: 'tools/src/synth-cli.ts',
    'bench-affected': 'tools/src/bench-affected-cli.ts',
    'bench-prepush': 'tools/src/bench-prepush-cli.ts',
    'bench-run': 'tools/src/bench-run-cli.ts',
    'bench-fuzz': 'tools/src/bench-fuzz-cli.ts',
    'bench-culprit': 'tools/src/bench-culprit-cli.ts',
    'bench-trunk': 'tools/src/bench-trunk-cli.ts',
    'bench-init': 'tools/src/bench-init-cli.ts',
    'bench-nightly': 'tools/src/bench-nightly-cli.ts',
    'bench-tui': 'tools/src/bench-tui-cli.ts',
    'bench-shards': 'tools/src/bench-shards-cli.ts',
    'bench-remote-cache': 'tools/src/bench-remote-cache-cli.ts',
  },
  outdir,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outExtension: { '.js': '.mjs' },
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
  // Native code (bench:tui writes a store) loads from node_modules.
  external: ['better-sqlite3'],
});
