#!/usr/bin/env node
// Thin launcher: the CLI is bundled by tools/build-cli.mjs (run by `npm ci` through
// `prepare`) so that start-up loads one file instead of resolving hundreds.
import { existsSync } from 'node:fs';

const bundle = new URL('../dist/main.mjs', import.meta.url);
if (!existsSync(bundle)) {
  process.stderr.write(
    'mainline: the CLI is not built.\n  hint: run `npm run build` at the repository root.\n',
  );
  process.exit(2);
}
// The bundle is minified; with --debug, stack traces point into the TypeScript sources.
if (process.argv.includes('--debug')) process.setSourceMapsEnabled(true);
await import(bundle.href);
