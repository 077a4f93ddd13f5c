import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { MainlineError } from '@mainline/core';

/** How to start the type checker: `command args... -p CONFIG --pretty false` is run. */
export interface CheckerCommand {
  readonly command: string;
  readonly args: readonly string[];
  /** For reports: `tsc 5.9.3`, `tsc 7.0.2 (native)`. */
  readonly label: string;
}

/** `tsc`: the `typescript` package; `tsgo`: `@typescript/native-preview`. */
export type CheckerKind = 'tsc' | 'tsgo';

const packages: Readonly<Record<CheckerKind, { name: string; native: string; bin: string }>> = {
  tsc: { name: 'typescript', native: '@typescript/typescript', bin: 'tsc' },
  tsgo: { name: '@typescript/native-preview', native: '@typescript/native-preview', bin: 'tsgo' },
};

/**
 * Finds the checker of `kind` installed for `from` (a folder, usually the repo root);
 * throws `checkerMissing`. TypeScript 5's JavaScript `tsc` is run by this Node; a native
 * checker (TypeScript 7, the native preview) is run directly: its `bin` script would
 * start a Node process only to start the binary.
 */
export function findChecker(kind: CheckerKind, from: string): CheckerCommand {
  const { name, native, bin } = packages[kind];
  const require = createRequire(join(from, 'package.json'));
  let manifestPath: string;
  try {
    manifestPath = require.resolve(`${name}/package.json`);
  } catch (cause) {
    throw new MainlineError('checkerMissing', `${name} is not installed in ${from}`, {
      hint: `npm install --save-dev ${name}`,
      cause,
    });
  }
  const dir = dirname(manifestPath);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
    version?: string;
    bin?: string | Record<string, string>;
  };
  const version = manifest.version ?? '?';
  const exe = nativeBinary(createRequire(manifestPath), native, bin);
  if (exe !== undefined) return { command: exe, args: [], label: `${bin} ${version} (native)` };
  if (kind === 'tsc' && existsSync(join(dir, 'lib', 'tsc.js')) && !version.startsWith('7')) {
    return {
      command: process.execPath,
      args: [join(dir, 'lib', 'tsc.js')],
      label: `tsc ${version}`,
    };
  }
  const script = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin?.[bin];
  if (script === undefined) {
    throw new MainlineError('checkerMissing', `${name} ${version} has no ${bin} program`);
  }
  return { command: process.execPath, args: [join(dir, script)], label: `${bin} ${version}` };
}

/** The platform package's executable (`@typescript/typescript-linux-x64/lib/tsc`). */
function nativeBinary(require: NodeJS.Require, prefix: string, bin: string): string | undefined {
  try {
    const manifest = require.resolve(`${prefix}-${process.platform}-${process.arch}/package.json`);
    const exe = join(dirname(manifest), 'lib', process.platform === 'win32' ? `${bin}.exe` : bin);
    return existsSync(exe) ? exe : undefined;
  } catch {
    return undefined;
  }
}
