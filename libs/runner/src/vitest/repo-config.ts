import { existsSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';

/** vitest's own config file names, in the order `vitest run` looks for them. */
const configNames = ['vitest.config', 'vite.config'].flatMap((base) =>
  ['ts', 'mts', 'cts', 'js', 'mjs', 'cjs'].map((ext) => `${base}.${ext}`),
);

/**
 * The repository's vitest config: the one the request names (relative to the root), else
 * the first of vitest's own names at the root; `false` when the request says none or the
 * root has none.
 */
export function repoVitestConfig(root: string, asked: string | false | undefined): string | false {
  if (asked === false) return false;
  if (asked !== undefined) return isAbsolute(asked) ? asked : join(root, asked);
  for (const name of configNames) {
    const path = join(root, name);
    if (existsSync(path)) return path;
  }
  return false;
}

/** A Vite config's `test` section, as far as mainline adds to it. */
interface TestSection {
  setupFiles?: string | string[];
}

export interface AliasEntry {
  readonly find: string | RegExp;
  readonly replacement: string;
}

/**
 * A Vite plugin that adds mainline's own setup file and aliases to whatever the
 * repository's config declares: vitest lets a command-line option replace the config's
 * list, and the repository's setup files and aliases must stay. The setup file goes first
 * into `test.setupFiles`, which vitest reads once every plugin's `config` hook has run;
 * the aliases are returned as `resolve.alias`, which Vite merges with the config's (and
 * vitest's `test.alias`), a plugin's before the config's, whatever order the hooks run in.
 */
export function mainlineConfigPlugin(setupFile: string, alias: readonly AliasEntry[]) {
  return {
    name: 'mainline:test-config',
    enforce: 'pre' as const,
    config(config: { test?: TestSection }) {
      const test: TestSection = config.test ?? {};
      config.test = test;
      const theirs = test.setupFiles === undefined ? [] : [test.setupFiles].flat();
      test.setupFiles = [setupFile, ...theirs.filter((file) => file !== setupFile)];
      return { resolve: { alias: [...alias] } };
    },
  };
}
