#!/usr/bin/env node
'use strict';
// The Node launcher of the bundled CLI (tools/build-cli.mjs, run by `npm ci` through
// `prepare`); bin/mainline, the command npm links, hands it every command it does not start
// from the startup snapshot. The bundle is one CommonJS file; the quick commands compile it
// through a V8 code cache kept per command next to it: Node 20 has no compile cache of its
// own, and parsing and compiling the bundle was a third of the start-up of `mainline
// affected`. A stale cache (new bundle, new Node) is rejected by V8 and rewritten; a
// read-only install only loses the shortcut.
const { existsSync, readFileSync, renameSync, mkdirSync, writeFileSync } = require('node:fs');
const { dirname, join } = require('node:path');

/** Commands whose start-up is most of their run time: they load from a code cache. */
const quickCommands = new Set(['affected', 'why', 'graph']);
/**
 * Commands that build or test: a fully cached run is mostly start-up too (compiling the
 * bundle was a tenth of it). Code run from a code cache cannot import() (Node 20 loses the
 * loader of a vm.Script compiled from cached data), so what they load on the way (esbuild,
 * the JUnit writer) they require; test/e2e/lean-startup.test.ts holds the bundle to it.
 * `init` too: compiling the bundle was a third of its run on a 1,000-package workspace.
 */
const runCommands = new Set(['test', 'build', 'init']);

main();

function main() {
  restoreDeferredCaCerts();
  const args = process.argv.slice(2);
  if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
    process.stdout.write(`${require('../package.json').version}\n`);
    return;
  }
  const bundle = join(__dirname, '..', 'dist', 'main.cjs');
  if (!existsSync(bundle)) {
    process.stderr.write(
      'mainline: the CLI is not built.\n  hint: run `npm run build` at the repository root.\n',
    );
    process.exitCode = 2;
    return;
  }
  rebuildStaleSnapshot();
  if (args.includes('--debug')) {
    // Stack traces through the source map, to the TypeScript sources; no cache needed.
    process.setSourceMapsEnabled(true);
    require(bundle);
  } else if (quickCommands.has(args[0]) || runCommands.has(args[0])) {
    runCached(bundle);
  } else {
    // The others run long enough not to need the cache, and some import() ES modules.
    require(bundle);
  }
}

/**
 * bin/mainline started this Node without the CA bundle NODE_EXTRA_CA_CERTS names (Node 20
 * parses it at start, 40 to 80 ms, and `test` and `build` open no TLS connection): the
 * processes they start, tests among them, get the variable back as it was.
 */
function restoreDeferredCaCerts() {
  const deferred = process.env.MAINLINE_DEFERRED_CA_CERTS;
  if (deferred === undefined) return;
  delete process.env.MAINLINE_DEFERRED_CA_CERTS;
  process.env.NODE_EXTRA_CA_CERTS = deferred;
}

/**
 * bin/mainline found no usable startup snapshot for the `node` it names: rebuild it once
 * this command is done, detached, so that neither this command nor its output waits.
 */
function rebuildStaleSnapshot() {
  const node = process.env.MAINLINE_SNAPSHOT_FOR;
  if (node === undefined) return;
  delete process.env.MAINLINE_SNAPSHOT_FOR; // not for the processes this command starts
  process.once('exit', () => {
    try {
      const { spawn } = require('node:child_process');
      const builder = spawn(process.execPath, [join(__dirname, 'snapshot.cjs'), node], {
        detached: true,
        stdio: 'ignore',
      });
      builder.on('error', () => {});
      builder.unref();
    } catch {
      // The next quick command asks again.
    }
  });
}

/**
 * The V8 flag src/start.ts sets, set here first, with the same rule. V8 rejects a code
 * cache made under other flags: made at exit, after the program had set it, the cache
 * was refused by every next start, which compiled the bundle again and rewrote it.
 */
function setProgramFlags() {
  const major = Number(process.versions.node.split('.')[0]);
  if (major >= 20 && major <= 24) {
    require('node:v8').setFlagsFromString('--semi-space-growth-factor=8');
  }
}

function runCached(file) {
  const Module = require('node:module');
  const vm = require('node:vm');
  setProgramFlags();
  const command = process.argv[2];
  const cacheFile = join(dirname(file), 'cache', `${command}.v8`);
  let cachedData;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(Module.wrap(readFileSync(file, 'utf8')), {
    filename: file,
    cachedData,
  });
  if (cachedData === undefined || script.cachedDataRejected) {
    // Written at exit, so it holds every function the command compiled.
    process.once('exit', () => writeCache(script, cacheFile));
  }
  const module = { exports: {} };
  const run = script.runInThisContext();
  run.call(module.exports, module.exports, Module.createRequire(file), module, file, dirname(file));
}

function writeCache(script, cacheFile) {
  try {
    mkdirSync(dirname(cacheFile), { recursive: true });
    const temporary = `${cacheFile}.${process.pid}`;
    writeFileSync(temporary, script.createCachedData());
    renameSync(temporary, cacheFile);
  } catch {
    // Read-only or full: run without the cache next time too.
  }
}
