import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { makeTempDir } from '@mainline/test-utils';
import type { VitestRunEvent } from '../../src/vitest/index.ts';

/** A temp folder holding these files (path -> text); deleted after the test. */
export function fixtureRoot(files: Record<string, string>): string {
  const root = makeTempDir('runner');
  writeFiles(root, files);
  return root;
}

export function writeFiles(root: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

/** A vitest file: `import { describe, expect, it } from 'vitest'` and the given body. */
export function testFile(body: string): string {
  return `import { describe, expect, it } from 'vitest';\n${body}\n`;
}

/** Collects a run's events. */
export function eventLog(): { events: VitestRunEvent[]; onEvent: (e: VitestRunEvent) => void } {
  const events: VitestRunEvent[] = [];
  return { events, onEvent: (event) => events.push(event) };
}
