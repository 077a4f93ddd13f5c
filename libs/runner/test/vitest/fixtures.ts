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

/** Test files of three targets, one file shared by two of them. */
export const twoTargets = {
  'libs/a/test/math.test.ts': testFile(`describe('math', () => {
  it('adds', () => {
    console.log('adding');
    expect(1 + 1).toBe(2);
  });
  describe('nested', () => {
    it('multiplies', () => expect(2 * 3).toBe(6));
  });
  it.skip('later', () => {});
});`),
  'libs/a/test/more.test.ts': testFile(`it('more', () => expect(true).toBe(true));`),
  'libs/b/test/b.test.ts': testFile(`it('b works', () => expect('b').toBe('b'));`),
  'libs/shared/test/shared.test.ts': testFile(`it('is shared', () => expect(1).toBe(1));`),
};

/** The files of twoTargets with their targets (the shared one under both). */
export const twoTargetFiles = [
  { file: 'libs/a/test/math.test.ts', target: 'libs/a' },
  { file: 'libs/b/test/b.test.ts', target: 'libs/b' },
  { file: 'libs/a/test/more.test.ts', target: 'libs/a' },
  { file: 'libs/shared/test/shared.test.ts', target: 'libs/a' },
  { file: 'libs/shared/test/shared.test.ts', target: 'libs/b' },
];
