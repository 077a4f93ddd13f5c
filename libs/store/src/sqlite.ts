import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type Database from 'better-sqlite3';

let loaded: { Sqlite: typeof Database; nativeBinding: string | undefined } | undefined;

/**
 * Opens a database with better-sqlite3, loaded on first use: it is a native module, and
 * importing the store (as the commands that never open it do, through shared libs) must
 * not load it. Its compiled addon is named directly when it is where npm builds it: the
 * `bindings` package it otherwise goes through finds it from an Error's stack trace and a
 * dozen paths, 0.015 s of every command that opens the store.
 */
export function openDatabase(file: string, options: Database.Options): Database.Database {
  if (loaded === undefined) {
    const require = createRequire(import.meta.url);
    const addon = join(
      dirname(require.resolve('better-sqlite3/package.json')),
      'build',
      'Release',
      'better_sqlite3.node',
    );
    loaded = {
      Sqlite: require('better-sqlite3') as typeof Database,
      nativeBinding: existsSync(addon) ? addon : undefined,
    };
  }
  const { Sqlite, nativeBinding } = loaded;
  return new Sqlite(file, nativeBinding === undefined ? options : { ...options, nativeBinding });
}
