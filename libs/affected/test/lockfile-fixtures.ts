import { type Lockfile, parseLockfile } from '../src/lockfile/index.ts';

export type Entries = Record<string, Record<string, unknown>>;

/** A parsed lockfileVersion 3 text, as npm writes it, with `root` as the project entry. */
export function lock(
  entries: Entries,
  root: Record<string, unknown> = { name: 'repo', version: '1.0.0', workspaces: ['libs/*'] },
): Lockfile {
  const text = JSON.stringify({
    name: 'repo',
    lockfileVersion: 3,
    requires: true,
    packages: { '': root, ...entries },
  });
  const parsed = parseLockfile(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.lockfile;
}

/** A registry package entry, with resolved/integrity derived from name and version. */
export function npm(
  name: string,
  version: string,
  dependencies?: Record<string, string>,
): Record<string, unknown> {
  return {
    version,
    resolved: `https://registry.npmjs.org/${name}/-/${name.split('/').at(-1)}-${version}.tgz`,
    integrity: `sha512-${name}@${version}`,
    license: 'MIT',
    ...(dependencies === undefined ? {} : { dependencies }),
  };
}
