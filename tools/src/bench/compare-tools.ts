import { execFileSync } from 'node:child_process';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { json } from '../synth/manifests.ts';

/** The versions compared against, as npm ranges. */
export const compareRanges = { turbo: '2.11', nx: '24' } as const;

export interface CompareTool {
  readonly name: 'turbo' | 'nx';
  readonly version: string;
  /** The program and its leading arguments; the benchmark appends the subcommand. */
  readonly command: readonly string[];
  readonly note: string;
}

export interface CompareTools {
  readonly nodeModules: string;
  readonly turbo: CompareTool;
  readonly nx: CompareTool;
}

/** Installs turbo and nx once into the cache dir with npm, and finds their entry points. */
export function ensureCompareTools(cacheDir: string, log: (line: string) => void): CompareTools {
  const dir = join(cacheDir, `compare-tools-turbo${compareRanges.turbo}-nx${compareRanges.nx}`);
  const nodeModules = join(dir, 'node_modules');
  if (
    !existsSync(join(nodeModules, 'turbo', 'package.json')) ||
    !existsSync(join(nodeModules, 'nx', 'package.json'))
  ) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'package.json'),
      json({ private: true, dependencies: { turbo: compareRanges.turbo, nx: compareRanges.nx } }),
    );
    log(`installing turbo@${compareRanges.turbo} and nx@${compareRanges.nx} into ${dir} ...`);
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], {
      cwd: dir,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
  return { nodeModules, turbo: turboTool(nodeModules), nx: nxTool(nodeModules) };
}

/**
 * The platform binary directly: the `turbo` npm bin is a Node shim that spawns it, and
 * timing the shim would charge turbo for a Node start-up a global install does not pay.
 */
function turboTool(nodeModules: string): CompareTool {
  const version = packageVersion(join(nodeModules, 'turbo'));
  const arch = process.arch === 'x64' ? '64' : process.arch;
  const native = join(nodeModules, '@turbo', `${process.platform}-${arch}`, 'bin', 'turbo');
  if (existsSync(native))
    return { name: 'turbo', version, command: [native], note: 'native binary' };
  return {
    name: 'turbo',
    version,
    command: [process.execPath, join(nodeModules, 'turbo', 'bin', 'turbo')],
    note: 'npm shim',
  };
}

function nxTool(nodeModules: string): CompareTool {
  const dir = join(nodeModules, 'nx');
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
    version: string;
    bin: Record<string, string>;
  };
  const bin = manifest.bin.nx ?? 'dist/bin/nx.js';
  return {
    name: 'nx',
    version: manifest.version,
    command: [process.execPath, join(dir, bin)],
    note: 'plugins in-process, NX_ISOLATE_PLUGINS=false',
  };
}

function packageVersion(dir: string): string {
  return (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string })
    .version;
}

/**
 * Both tools look for themselves in the repo's node_modules; a symlink to the shared
 * install (git-ignored by the generated .gitignore) avoids a per-repo install.
 */
export function linkNodeModules(repoDir: string, nodeModules: string): void {
  const link = join(repoDir, 'node_modules');
  let exists = false;
  try {
    lstatSync(link);
    exists = true;
  } catch {
    exists = false;
  }
  if (!exists) symlinkSync(nodeModules, link, 'dir');
}

/**
 * One environment for every tool: no daemons, no telemetry, no cloud, no colour, and
 * the commit range for turbo (which takes it from the environment only).
 */
export function benchEnv(base: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...base };
  delete env.FORCE_COLOR;
  return {
    ...env,
    NO_COLOR: '1',
    DO_NOT_TRACK: '1',
    TURBO_TELEMETRY_DISABLED: '1',
    TURBO_NO_UPDATE_NOTIFIER: '1',
    TURBO_TELEMETRY_MESSAGE_DISABLED: '1',
    TURBO_SCM_BASE: 'HEAD~1',
    TURBO_SCM_HEAD: 'HEAD',
    NX_DAEMON: 'false',
    NX_NO_CLOUD: 'true',
    NX_TUI: 'false',
    NX_ISOLATE_PLUGINS: 'false',
    NX_VERBOSE_LOGGING: 'false',
  };
}
