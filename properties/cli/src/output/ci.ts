import { createRequire } from 'node:module';

let detected: boolean | undefined;

/**
 * Whether this runs in CI, by ci-info. ci-info decides when it is loaded, so it is loaded
 * on first use from node_modules (it is external to the bundle), never while the startup
 * snapshot is built: there it would freeze the build machine's answer into every run.
 */
export function runningInCI(): boolean {
  detected ??= (createRequire(import.meta.url)('ci-info') as { isCI: boolean }).isCI;
  return detected;
}
