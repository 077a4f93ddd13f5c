// The test host as the CLI bundles it (dist/test-host.cjs): its main serves one run.
import { serveTestHost } from '@mainline/runner';

void serveTestHost().then(() => process.exit(0));
