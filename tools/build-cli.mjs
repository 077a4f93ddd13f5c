// Bundles the `mainline` CLI with esbuild into properties/cli/dist: main.cjs, which
// bin/mainline.cjs runs, and quick.cjs, from which the startup snapshot of the quick
// commands (quick.blob) is built. CommonJS because Node 20's ES module loader costs tens of
// milliseconds at start-up and offers no code cache, while the launcher runs main.cjs from a
// V8 code cache. Each command module is still initialised only when it runs (esbuild keeps
// dynamic imports lazy), so `affected` never evaluates graphology.
import { createHash } from 'node:crypto';
import { accessSync, constants, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = `${root}properties/cli/dist`;
const cliPackage = JSON.parse(readFileSync(`${root}properties/cli/package.json`, 'utf8'));

/** A hash of the sources under `folders`: what a build of mainline computes from them. */
function sourcesId(folders) {
  const hash = createHash('sha256');
  for (const folder of folders) {
    const files = readdirSync(`${root}${folder}`, { recursive: true, withFileTypes: true });
    const paths = files.filter((f) => f.isFile()).map((f) => `${f.parentPath}/${f.name}`);
    for (const path of paths.sort())
      hash.update(path.slice(root.length)).update(readFileSync(path));
  }
  return hash.digest('hex').slice(0, 16);
}

/** The `node` a shell finds on PATH, as bin/mainline does with `command -v node`. */
function nodeOnPath() {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir || '.', 'node');
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {}
  }
  return process.execPath;
}

/**
 * For the snapshot: only the commands it runs go in (bin/mainline starts only affected, why
 * and graph from it, and the program then declares only the command named); every other
 * command module is left out, so the snapshot is smaller, every quick command deserializes
 * less, and a new command cannot slip in by being forgotten.
 */
const quickCommands = new Set(['affected', 'why', 'graph']);
const onlyQuickCommands = {
  name: 'only-quick-commands',
  setup(build) {
    build.onResolve({ filter: /^\.\/commands\// }, (args) => {
      const command = /^\.\/commands\/([\w-]+)\.ts$/.exec(args.path)?.[1];
      return command !== undefined && quickCommands.has(command)
        ? undefined
        : { path: args.path, namespace: 'not-in-snapshot' };
    });
    build.onLoad({ filter: /.*/, namespace: 'not-in-snapshot' }, (args) => ({
      contents: `throw new Error(${JSON.stringify(`${args.path} is not in the quick snapshot`)});`,
      loader: 'js',
    }));
  },
};

/**
 * The yarn.lock and pnpm-lock.yaml parser, in the bundle but initialised on first use: its
 * loader module (libs/affected/src/lockfile/syml-parser.ts) becomes a plain require, which
 * esbuild keeps lazy, of @yarnpkg/parsers' syml module alone (its shell grammar, which the
 * package index also loads, is never used). Loading it from node_modules cost a lockfile
 * diff 0.04 s; bundled, it comes from the code cache, and the snapshot's rehearsal runs it.
 */
const parsersFolder = join(
  createRequire(import.meta.url).resolve('@yarnpkg/parsers/package.json'),
  '..',
);
const bundledSyml = {
  name: 'bundled-syml',
  setup(build) {
    build.onLoad({ filter: /libs\/affected\/src\/lockfile\/syml-parser\.ts$/ }, () => ({
      contents: 'export const loadParseSyml = () => require("@yarnpkg/parsers").parseSyml;',
      loader: 'js',
    }));
    build.onResolve({ filter: /^@yarnpkg\/parsers$/ }, () => ({
      path: join(parsersFolder, 'lib', 'syml.js'),
    }));
  },
};

rmSync(outdir, { recursive: true, force: true });
const options = {
  absWorkingDir: root,
  outdir,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  // Prefer ESM builds: jsonc-parser's UMD main hides its requires from the bundler.
  mainFields: ['module', 'main'],
  target: 'node20',
  outExtension: { '.js': '.cjs' },
  // Loaded from node_modules when a command needs them: native code (esbuild's binary,
  // better-sqlite3), vitest's workers and TypeScript's checker cannot live in a bundle, and
  // ci-info decides when it loads, which must not happen while the snapshot is built.
  external: [
    'ci-info',
    'esbuild',
    'vitest',
    'vitest/*',
    'typescript',
    'better-sqlite3',
    'junit-report-builder',
    'chokidar',
    // The pnpm-workspace.yaml parser of `init`.
    'yaml',
  ],
  // Less source to parse at every start; --debug maps stack traces back through the source map.
  minify: true,
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
  // import.meta.url names the bundle, as it named the source module: modules resolve the
  // tools they load lazily (esbuild, vitest, typescript) from where mainline is installed.
  banner: {
    js: '"use strict";var __bundleUrl = require("node:url").pathToFileURL(__filename).href;',
  },
  define: {
    'import.meta.url': '__bundleUrl',
    MAINLINE_VERSION: JSON.stringify(cliPackage.version),
    // A file the BUILD.json checks passed is trusted only by the same checks.
    MAINLINE_RULES_ID: JSON.stringify(sourcesId(['libs/workspace/src', 'libs/workspace/schema'])),
    // What is remembered per tree (fingerprints, and the test files, cache keys and checked
    // package files of its targets) is trusted only by a build that makes it the same way.
    MAINLINE_FINGERPRINT_ID: JSON.stringify(
      sourcesId([
        'libs/affected/src',
        'libs/workspace/src',
        'libs/workspace/schema',
        'libs/engine/src',
        'libs/cache/src',
        'libs/runner/src/build',
      ]),
    ),
  },
};
const [main, quick] = await Promise.all([
  build({
    ...options,
    entryPoints: {
      main: 'properties/cli/src/main.ts',
      'test-host': 'properties/cli/src/test-host.ts',
    },
    plugins: [bundledSyml],
  }),
  build({
    ...options,
    entryPoints: { quick: 'properties/cli/src/quick.ts' },
    plugins: [onlyQuickCommands, bundledSyml],
  }),
]);
// The dashboard (`mainline tui`) as an ES module of its own, which the `tui` command alone
// loads by import(): ink 6 is ESM with a top-level await (its layout engine, yoga, is
// WebAssembly), so neither it nor react can be in the CommonJS bundle, and no other command
// pays for them. They are bundled into it, react's production build chosen at build time:
// loading ink and react from node_modules (some 100 ES modules resolved one by one) took
// 1.2 s here, the bundle 0.35 s. ink's React DevTools bridge (only with DEV=true) is left out.
const { 'import.meta.url': _bundleUrl, ...tuiDefine } = options.define;
const withoutDevtools = {
  name: 'without-devtools',
  setup(build) {
    build.onResolve({ filter: /^\.\/devtools\.js$/ }, (args) =>
      args.importer.includes('/node_modules/ink/')
        ? { path: args.path, namespace: 'no-devtools' }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'no-devtools' }, () => ({
      contents: '',
      loader: 'js',
    }));
  },
};
await build({
  ...options,
  entryPoints: { tui: 'libs/tui/src/index.ts' },
  format: 'esm',
  outExtension: { '.js': '.mjs' },
  plugins: [withoutDevtools],
  // yoga (emscripten) looks for `fetch` to compile its WebAssembly, and Node 20 loads undici
  // on that first look (0.06 s): while this module initialises, `fetch` is hidden (its
  // property moved aside, never read) and yoga compiles from its inlined bytes instead.
  banner: {
    js: [
      'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);',
      'const __fetch = Object.getOwnPropertyDescriptor(globalThis, "fetch"); if (__fetch) Object.defineProperty(globalThis, "fetch", { value: undefined, configurable: true, writable: true });',
    ].join('\n'),
  },
  footer: { js: 'if (__fetch) Object.defineProperty(globalThis, "fetch", __fetch);' },
  define: { ...tuiDefine, 'process.env.NODE_ENV': '"production"' },
  // libs/runner's process guard assigns NODE_ENV; it is parsed on the way, never bundled here.
  logOverride: { 'assign-to-define': 'silent' },
  metafile: false,
});
// Which inputs the bundles hold: a test proves heavy libraries stay out of them.
const meta = {
  inputs: { ...main.metafile.inputs, ...quick.metafile.inputs },
  outputs: { ...main.metafile.outputs, ...quick.metafile.outputs },
};
writeFileSync(`${outdir}/meta.json`, JSON.stringify(meta));
// bin/mainline answers --version from this file, without starting Node.
writeFileSync(`${outdir}/version`, `${cliPackage.version}\n`);
const { buildSnapshot } = createRequire(import.meta.url)('../properties/cli/bin/snapshot.cjs');
if (!buildSnapshot(outdir, nodeOnPath())) {
  console.warn('warning: no startup snapshot; the quick commands start from the code cache');
}
