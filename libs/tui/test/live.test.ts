import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { renderScreen } from './render.ts';

const betterSqlite = createRequire(import.meta.url).resolve('better-sqlite3');

/** Another process records a breakage in the store file, as the trunk loop would. */
async function recordBreakageElsewhere(file: string, target: string): Promise<void> {
  const script = `
    const db = require(${JSON.stringify(betterSqlite)})(${JSON.stringify(file)});
    db.pragma('busy_timeout = 5000');
    db.prepare("INSERT INTO breakages (target, last_green, first_red, tests, state, opened_at) VALUES (?, ?, ?, ?, 'open', ?)")
      .run(${JSON.stringify(target)}, '${'1'.repeat(40)}', '${'2'.repeat(40)}', '["t > fails"]', Date.now());
    db.close();`;
  await promisify(execFile)(process.execPath, ['-e', script]);
}

describe('the screen on a store another process writes', () => {
  it('shows a breakage recorded by another process', async () => {
    const screen = renderScreen();
    await screen.waitFor('2 breakages (1)');
    await recordBreakageElsewhere(screen.store.file, 'libs/written-elsewhere');
    const frame = await screen.waitFor('libs/written-elsewhere');
    expect(frame).toContain('2 breakages (2)');
    expect(frame).toContain('11111111..22222222');
  });
});
