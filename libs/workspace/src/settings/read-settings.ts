import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSettings } from './parse-settings.ts';
import { type Settings, settingsFile } from './settings.ts';

/** mainline.json at `root`, checked; no file means every default. */
export function readSettings(root: string): Settings {
  let text: string;
  try {
    text = readFileSync(join(root, settingsFile), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw error;
  }
  return parseSettings(text, settingsFile);
}
