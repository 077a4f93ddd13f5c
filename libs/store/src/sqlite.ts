import { createRequire } from 'node:module';
import type Database from 'better-sqlite3';

let loaded: typeof Database | undefined;

/**
 * better-sqlite3, loaded on first use: it is a native module, and importing the store (as
 * the commands that never open it do, through shared libs) must not load it.
 */
export function sqlite(): typeof Database {
  loaded ??= createRequire(import.meta.url)('better-sqlite3') as typeof Database;
  return loaded;
}
