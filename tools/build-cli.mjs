// Bundles the `mainline` CLI into properties/cli/dist with esbuild. Code splitting keeps
// start-up lean: each command is a dynamic import, so `mainline --version` or
// `mainline affected` only loads the chunks it uses.
import { rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = `${root}properties/cli/dist`;

rmSync(outdir, { recursive: true, force: true });
const result = await build({
  absWorkingDir: root,
  entryPoints: { main: 'properties/cli/src/main.ts' },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  // Prefer ESM builds: jsonc-parser's UMD main hides its requires from the bundler.
  mainFields: ['module', 'main'],
  target: 'node20',
  outExtension: { '.js': '.mjs' },
  chunkNames: 'chunks/[name]-[hash]',
  minifyWhitespace: true,
  minifySyntax: true,
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
  // CommonJS dependencies bundled into ESM still call require() for Node built-ins.
  banner: {
    js: "import { createRequire as __mainlineRequire } from 'node:module'; const require = __mainlineRequire(import.meta.url);",
  },
  define: { MAINLINE_VERSION: JSON.stringify(process.env.npm_package_version ?? '0.1.0') },
});
// Which inputs each chunk holds: tests use it to prove a command loads only what it uses.
writeFileSync(`${outdir}/meta.json`, JSON.stringify(result.metafile));
