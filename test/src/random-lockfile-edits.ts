import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The yarn or pnpm lockfile of a generated repository, when it has one. */
export function yarnOrPnpmLockfile(dir: string): { path: string; text: string } | undefined {
  for (const path of ['yarn.lock', 'pnpm-lock.yaml']) {
    if (existsSync(join(dir, path))) return { path, text: readFileSync(join(dir, path), 'utf8') };
  }
  return undefined;
}

/** Names of the registry packages a yarn or pnpm lockfile pins. */
export function lockedNames(text: string): string[] {
  const names = new Set<string>();
  for (const match of text.matchAll(/^ {0,2}"?(@?[^@\s"',]+)@(?:npm:)?\^?\d/gm)) {
    if (match[1] !== undefined) names.add(match[1]);
  }
  return [...names].sort();
}

/** A text that the lockfile's format cannot parse. */
export function brokenLockfile(path: string): string {
  return path === 'yarn.lock'
    ? '# yarn lockfile v1\n\n\nms@^2.1.0:\n  version "2.1.3\n'
    : "lockfileVersion: '9.0'\nimporters: [\n";
}

/**
 * One package of the lockfile moved to `version` with new content, consistently, as a
 * lock maintenance commit does: its key, its dependents' references (pnpm) and its
 * integrity. The package may be a direct dependency or only reached transitively.
 * Undefined when there is nothing to bump or the new version is pinned already.
 */
export function bumpLockedPackage(
  path: string,
  text: string,
  pick: <T>(items: readonly T[]) => T,
  version: string,
): { text: string; what: string } | undefined {
  const integrity = `sha512-${version}-${text.length}`;
  if (path === 'pnpm-lock.yaml') {
    const at = text.indexOf('\nsnapshots:\n');
    const keys = [...text.slice(at).matchAll(/^ {2}([^@\s]+)@([^\s:(]+):/gm)];
    const chosen = keys.length === 0 ? undefined : pick(keys);
    const [name, old] = [chosen?.[1], chosen?.[2]];
    if (name === undefined || old === undefined || text.includes(`\n  ${name}@${version}:`)) {
      return undefined;
    }
    const bumped = text
      .replaceAll(`\n  ${name}@${old}:`, `\n  ${name}@${version}:`)
      .replaceAll(`\n      ${name}: ${old}\n`, `\n      ${name}: ${version}\n`)
      .replace(
        new RegExp(
          `(\\n {6}${name}:\\n {8}specifier: [^\\n]*\\n {8}version: )${escapeRegExp(old)}\\n`,
          'g',
        ),
        `$1${version}\n`,
      )
      .replace(
        new RegExp(
          `(\\n {2}${escapeRegExp(name)}@${escapeRegExp(version)}:\\n {4}resolution: \\{integrity: )[^}]+`,
        ),
        `$1${integrity}`,
      );
    return { text: bumped, what: `${name} ${old} -> ${version}` };
  }
  const berry = text.includes('\n__metadata:\n');
  const blocks = berry
    ? [...text.matchAll(/^"?([^@\n"]+)@npm:[^\n]*:\n {2}version: (\S+)\n/gm)]
    : [...text.matchAll(/^"?([^@\n"]+)@[^\n]*:\n {2}version "([^"]+)"\n/gm)];
  if (blocks.length === 0) return undefined;
  const block = pick(blocks);
  const [name, old] = [block[1] ?? '', block[2] ?? ''];
  const start = block.index ?? 0;
  const end = text.indexOf('\n\n', start);
  const body = text.slice(start, end < 0 ? text.length : end);
  const edited = berry
    ? body
        .replace(`version: ${old}`, `version: ${version}`)
        .replace(`"${name}@npm:${old}"`, `"${name}@npm:${version}"`)
        .replace(/checksum: \S+/, `checksum: 10c0/${version}`)
    : body
        .replace(`version "${old}"`, `version "${version}"`)
        .replace(/-\d[^/"]*\.tgz/, `-${version}.tgz`)
        .replace(/integrity \S+/, `integrity ${integrity}`);
  return {
    text: text.slice(0, start) + edited + text.slice(start + body.length),
    what: `${name} ${old} -> ${version}`,
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
