import { pathToFileURL } from 'node:url';
import { gitSync } from './git-sync.ts';
import { configureForTests } from './temp-repo.ts';
import { makeTempDir } from './temp-dirs.ts';

export interface CloneOptions {
  /** Shallow clone of this many commits (through a file:// URL, as git requires). */
  readonly depth?: number;
  readonly bare?: boolean;
  /** Branch to check out (and, when shallow, the only one fetched unless noSingleBranch). */
  readonly branch?: string;
  /** With depth: fetch every branch, not only the checked-out one. */
  readonly noSingleBranch?: boolean;
}

/** Clones `source` (a repository folder) into a new temp folder and returns its path. */
export function cloneTemp(source: string, options: CloneOptions = {}): string {
  const dir = makeTempDir(options.bare ? 'bare' : 'clone');
  const args = ['clone', '--quiet'];
  if (options.bare) args.push('--bare');
  if (options.depth !== undefined) args.push(`--depth=${options.depth}`);
  if (options.noSingleBranch) args.push('--no-single-branch');
  if (options.branch !== undefined) args.push(`--branch=${options.branch}`);
  // Shallow clones of a local path are silently full unless given as a URL.
  const url = options.depth === undefined ? source : pathToFileURL(source).href;
  gitSync(dir, [...args, '--', url, dir]);
  configureForTests(dir, { bare: options.bare === true });
  return dir;
}
