import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * How a run talks to the code in its workers, through files in the run's scratch folder:
 * vitest's own messages from a worker are batched on a timer, so a test stuck in a
 * synchronous loop never reports that it started. The setup file below runs in the worker
 * before each test file: it applies the file's per-test timeout (`<id>.timeout`, written
 * by the run for files whose limit is not the default) and, before each test, writes the
 * test's name to `<id>.test` synchronously, so whoever kills the worker can say which test
 * was running. `<id>` is a hash of the file's absolute path, known to both sides.
 */
export const channelKey = 'mainlineChannel';

declare module 'vitest' {
  /** What `inject(channelKey)` gives the setup file: the channel's folder. */
  export interface ProvidedContext {
    mainlineChannel: string;
  }
}

const setupSource = `import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, expect, inject, vi } from 'vitest';

const dir = inject(${JSON.stringify(channelKey)});
const id = createHash('sha1').update(expect.getState().testPath ?? '').digest('hex');
try {
  vi.setConfig({ testTimeout: Number(readFileSync(\`\${dir}/\${id}.timeout\`, 'utf8')) });
} catch {}
const running = (name) => {
  try {
    writeFileSync(\`\${dir}/\${id}.test\`, name);
  } catch {}
};
running('');
beforeEach((context) => running(context.task.fullTestName ?? context.task.name));
afterEach(() => running(''));
`;

/**
 * Writes the setup file into `dir`, with `extra` code after the channel's (which may use
 * its `dir` and `id`: see read-recorder.ts); returns its path, for vitest's `setupFiles`.
 */
export function writeSetupFile(dir: string, extra = ''): string {
  const path = join(dir, 'mainline-setup.mjs');
  writeFileSync(path, setupSource + extra);
  return path;
}

/** The name, in the channel folder, of the files of the test file at `moduleId` (absolute). */
export function channelId(moduleId: string): string {
  return createHash('sha1').update(moduleId).digest('hex');
}

/** Gives the test file at `moduleId` (absolute) its own per-test timeout. */
export function writeTestTimeout(dir: string, moduleId: string, ms: number): void {
  writeFileSync(join(dir, `${channelId(moduleId)}.timeout`), String(ms));
}

/**
 * The test the worker running `moduleId` was in: its full name, '' while the file loads
 * or between tests (a hook), undefined when the worker never got that far.
 */
export function runningTest(dir: string, moduleId: string): string | undefined {
  try {
    return readFileSync(join(dir, `${channelId(moduleId)}.test`), 'utf8');
  } catch {
    return undefined;
  }
}
