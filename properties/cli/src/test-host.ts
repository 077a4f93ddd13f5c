// The test host: `mainline test` runs vitest in this process of its own (see
// runVitestInHost), so that a test that kills, aborts or exhausts its process ends this
// one, not mainline. Bundled as dist/test-host.cjs, next to main.cjs.
import { serveTestHost } from '@mainline/runner';

void serveTestHost().then(() => process.exit(0));
