import { processIo } from './io.ts';
import { runCli } from './run-cli.ts';

// No top-level await: the bundle is CommonJS, which the launcher runs from a code cache.
void runCli(process.argv.slice(2), processIo()).then((code) => {
  process.exitCode = code;
});
