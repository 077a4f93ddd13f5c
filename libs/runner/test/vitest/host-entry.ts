// A test host as the CLI bundles one: its main serves one run for runVitestInHost.
import { serveTestHost } from '../../src/vitest/index.ts';

void serveTestHost().then(() => process.exit(0));
