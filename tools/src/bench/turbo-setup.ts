import { existsSync, lstatSync, mkdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { json } from '../synth/manifests.ts';
import type { GeneratedFile, SynthTarget } from '../synth/types.ts';

/** A workspace package: its folder (the target name) and `@synth/<id>`. */
export type RepoPackage = Pick<SynthTarget, 'name' | 'id'>;

/** Each package's test script: vitest in the package folder, as Turborepo runs it. */
export const testScript = 'vitest run';

/**
 * `test` depends on a script-less `transit` task that depends on the deps' `transit`
 * (Turborepo's documented "transit node"): a test's hash then covers its deps' files,
 * as it must when tests run the deps' sources, and every test still runs in parallel.
 */
export const turboJson: GeneratedFile = turboConfig({
  transit: { dependsOn: ['^transit'] },
  test: { dependsOn: ['transit'], outputs: [] },
});

/** turbo.json with these tasks, no daemon. */
export function turboConfig(tasks: Readonly<Record<string, object>>): GeneratedFile {
  return {
    path: 'turbo.json',
    content: json({ $schema: 'https://turborepo.com/schema.json', daemon: false, tasks }),
  };
}

/** The target's package.json with `"scripts": { "test": "vitest run" }` added. */
export function withTestScript(manifestText: string): string {
  const manifest = JSON.parse(manifestText) as Record<string, unknown>;
  const scripts = (manifest.scripts ?? {}) as Record<string, string>;
  return json({ ...manifest, scripts: { ...scripts, test: testScript } });
}

/**
 * A real node_modules folder (git-ignored) where what the packages import resolves
 * without an install: `vitest` and its bin linked to this checkout's copy (its own deps
 * resolve from there, through the link's real path) and `@synth/<id>` to each package.
 */
export function linkRunNodeModules(repoDir: string, targets: readonly RepoPackage[]): void {
  const nodeModules = join(repoDir, 'node_modules');
  if (isSymlink(nodeModules)) rmSync(nodeModules);
  mkdirSync(join(nodeModules, '@synth'), { recursive: true });
  linkToolPackage(repoDir, 'vitest', 'vitest');
  for (const target of targets) {
    linkOnce(join(repoDir, target.name), join(nodeModules, '@synth', target.id));
  }
}

/**
 * `node_modules/<name>` of `repoDir` linked to this checkout's copy of the package, and its
 * `bin` command into node_modules/.bin: a tool the packages' scripts run, without an install.
 */
export function linkToolPackage(repoDir: string, name: string, bin: string): void {
  const require = createRequire(import.meta.url);
  const packageDir = dirname(require.resolve(`${name}/package.json`));
  const nodeModules = join(repoDir, 'node_modules');
  mkdirSync(join(nodeModules, '.bin'), { recursive: true });
  linkOnce(packageDir, join(nodeModules, name));
  const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as {
    bin: Record<string, string>;
  };
  const file = join(nodeModules, name, manifest.bin[bin] ?? bin);
  linkOnce(relative(join(nodeModules, '.bin'), file), join(nodeModules, '.bin', bin));
}

/**
 * Everything a turbo run leaves: its cache and run logs (`.turbo` at the root and in each
 * package), and the result cache vitest writes under each package's node_modules/.vite.
 */
export function clearTurboState(repoDir: string, targets: readonly RepoPackage[]): void {
  rmSync(join(repoDir, '.turbo'), { recursive: true, force: true });
  for (const target of targets) {
    rmSync(join(repoDir, target.name, '.turbo'), { recursive: true, force: true });
    rmSync(join(repoDir, target.name, 'node_modules'), { recursive: true, force: true });
  }
}

function linkOnce(to: string, link: string): void {
  if (!existsSync(link) && !isSymlink(link)) symlinkSync(to, link);
}

function isSymlink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}
