import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const require = createRequire(join(root, 'package.json'));

/**
 * `npm pack` of properties/cli into `dir`, as built (`npm run build` runs first in
 * `npm test`): the tarball a user installs. Scripts are skipped so that packing never
 * rebuilds the dist folder other tests are running.
 */
export function packCli(dir: string): { tarball: string; files: string[] } {
  const output = execFileSync(
    'npm',
    ['pack', '--json', '--ignore-scripts', '--pack-destination', dir],
    {
      cwd: join(root, 'properties/cli'),
      env: npmEnv(),
      encoding: 'utf8',
    },
  );
  const [packed] = JSON.parse(output) as { filename: string; files: { path: string }[] }[];
  if (packed === undefined) throw new Error(`npm pack printed no package:\n${output}`);
  return { tarball: join(dir, packed.filename), files: packed.files.map((f) => f.path) };
}

/** The version this checkout is developed with, to install the same one elsewhere. */
export function checkoutVersionOf(name: string): string {
  return (require(`${name}/package.json`) as { version: string }).version;
}

/**
 * `npm install` in `cwd`, with a prebuilt better-sqlite3 made from this checkout's own
 * build: its install script (prebuild-install) finds it in `prebuilds` instead of compiling
 * SQLite for minutes. Packages come from npm's cache when it has them.
 */
export function npmInstall(cwd: string, prebuilds: string): void {
  execFileSync(
    'npm',
    ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'],
    {
      cwd,
      env: { ...npmEnv(), npm_config_better_sqlite3_local_prebuilds: prebuilds },
      stdio: ['ignore', 'ignore', 'pipe'],
      timeout: 240_000,
    },
  );
}

/**
 * A prebuild-install tarball of this checkout's better-sqlite3 binary, named as its
 * install script looks for it (`better-sqlite3-v12.11.1-node-v115-linux-x64.tar.gz`).
 */
export function betterSqlitePrebuild(dir: string): void {
  const manifest = require.resolve('better-sqlite3/package.json');
  const version = (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
  const name = `better-sqlite3-v${version}-node-v${process.versions.modules}-${process.platform}-${process.arch}.tar.gz`;
  mkdirSync(dir, { recursive: true });
  execFileSync('tar', [
    '-czf',
    join(dir, name),
    '-C',
    join(manifest, '..'),
    'build/Release/better_sqlite3.node',
  ]);
}

/**
 * This process's environment without the npm_* variables of the `npm test` that may have
 * started it: npm reads them as its configuration (the monorepo's prefix among them).
 */
function npmEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !key.toLowerCase().startsWith('npm_')),
  );
}
