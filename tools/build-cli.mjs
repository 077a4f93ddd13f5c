// Bundles the `mainline` CLI into properties/cli/dist with esbuild. Code splitting keeps
// start-up lean: each command is a dynamic import, so `mainline --version` or
// `mainline affected` only loads the chunks it uses.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = `${root}properties/cli/dist`;
const cliPackage = JSON.parse(readFileSync(`${root}properties/cli/package.json`, 'utf8'));

/** Hash of the BUILD.json checks: a file they passed is trusted only by the same checks. */
function rulesId() {
  const hash = createHash('sha256');
  for (const folder of ['libs/workspace/src', 'libs/workspace/schema']) {
    const files = readdirSync(`${root}${folder}`, { recursive: true, withFileTypes: true });
    const paths = files.filter((f) => f.isFile()).map((f) => `${f.parentPath}/${f.name}`);
    for (const path of paths.sort())
      hash.update(path.slice(root.length)).update(readFileSync(path));
  }
  return hash.digest('hex').slice(0, 16);
}

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
  // Less source to parse at every start; --debug maps stack traces back through the source map.
  minify: true,
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
  // CommonJS dependencies bundled into ESM still call require() for Node built-ins.
  banner: {
    js: "import { createRequire as __mainlineRequire } from 'node:module'; const require = __mainlineRequire(import.meta.url);",
  },
  define: {
    MAINLINE_VERSION: JSON.stringify(cliPackage.version),
    MAINLINE_RULES_ID: JSON.stringify(rulesId()),
  },
});
// Which inputs each chunk holds: tests use it to prove a command loads only what it uses.
writeFileSync(`${outdir}/meta.json`, JSON.stringify(result.metafile));
