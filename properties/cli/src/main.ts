import { start } from './start.ts';

// No top-level await: the bundle is CommonJS, which the launcher runs from a code cache.
start(process.argv.slice(2));
