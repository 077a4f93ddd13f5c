import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { MainlineError } from '@mainline/core';
import { type LockfileKind, lockfileKinds } from '../synth/types.ts';

export interface BenchOptions {
  readonly sizes: readonly number[];
  /** The lockfile of the generated repositories, one repository per kind and size. */
  readonly lockfiles: readonly LockfileKind[];
  readonly runs: number;
  readonly compare: boolean;
  readonly json: boolean;
  /** Generated repos and the turbo/nx install are kept here between runs. */
  readonly cacheDir: string;
  /** Regenerate the repos even when cached. */
  readonly fresh: boolean;
  /** The `mainline` launcher to time; found from this checkout when absent. */
  readonly mainline: string | undefined;
}

export const benchUsage = `usage: bench-affected [--sizes 1000,10000] [--runs 5] [--lockfile npm] [--compare] [--json]
  --lockfile KINDS   the repositories' lockfile: npm, yarn-classic, yarn-berry, pnpm (comma-separated)
  --compare          also time turbo ls --affected and nx show projects --affected
  --cache-dir DIR    where repos and tools are kept (default $TMPDIR/mainline-bench)
  --fresh            regenerate cached repos
  --mainline FILE    the launcher to time (default: this checkout's properties/cli/bin/mainline)`;

export function parseBenchArgs(argv: readonly string[]): BenchOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      sizes: { type: 'string', default: '1000,10000' },
      lockfile: { type: 'string', default: 'npm' },
      runs: { type: 'string', default: '5' },
      compare: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      'cache-dir': { type: 'string', default: join(tmpdir(), 'mainline-bench') },
      fresh: { type: 'boolean', default: false },
      mainline: { type: 'string' },
    },
  });
  const sizes = values.sizes.split(',').map((part) => positiveInteger('sizes', part.trim()));
  const lockfiles = values.lockfile.split(',').map((part) => lockfileKind(part.trim()));
  return {
    sizes,
    lockfiles,
    runs: positiveInteger('runs', values.runs),
    compare: values.compare,
    json: values.json,
    cacheDir: values['cache-dir'],
    fresh: values.fresh,
    mainline: values.mainline,
  };
}

function lockfileKind(text: string): LockfileKind {
  const kind = lockfileKinds.find((candidate) => candidate === text);
  if (kind === undefined) {
    throw new MainlineError(
      'usage',
      `--lockfile expects ${lockfileKinds.join(', ')}, got "${text}"`,
      {
        hint: benchUsage,
      },
    );
  }
  return kind;
}

function positiveInteger(name: string, text: string): number {
  const value = Number(text.replaceAll('_', ''));
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new MainlineError('usage', `--${name} expects positive integers, got "${text}"`, {
      hint: benchUsage,
    });
  }
  return value;
}
