// A test host as the CLI bundles one: its main serves one run for runVitestInHost.
import { serveTestHost } from '../../src/vitest/index.ts';

serveTestHost();
