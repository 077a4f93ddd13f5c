import { describe, expect, it } from 'vitest';
import {
  type Lockfile,
  parseLockfile,
  possiblyChangedPackages,
  resolvePackage,
} from '../src/lockfile/index.ts';

/** Deterministic pseudo-random numbers (mulberry32), so the lockfile is the same every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Entries = Record<string, Record<string, unknown>>;

/**
 * A lockfile shaped like a big real one (~5 MB): hoisted packages whose dependencies
 * point at lower-numbered packages and sometimes back up (cycles), nested duplicates,
 * scoped names, and the noise npm writes (license, engines, funding, bin, dev flags).
 */
function bigLockfile(count: number): Entries {
  const next = random(42);
  const names = Array.from({ length: count }, (_, i) =>
    i % 7 === 0 ? `@scope${i % 13}/pkg-${i}` : `pkg-${i}`,
  );
  const integrity = (seed: string): string =>
    `sha512-${Buffer.from(seed.repeat(8)).toString('base64').slice(0, 86)}==`;
  const entries: Entries = { '': { name: 'big', version: '1.0.0', workspaces: ['libs/*'] } };
  names.forEach((name, i) => {
    const dependencies: Record<string, string> = {};
    const depCount = Math.floor(next() * 6);
    for (let d = 0; d < depCount && i > 0; d++)
      dependencies[names[Math.floor(next() * i)] ?? 'pkg-0'] = '^1.0.0';
    if (i > 10 && next() < 0.02) dependencies[names[i + 1] ?? 'pkg-0'] = '^1.0.0';
    const version = `1.${i % 10}.${i % 17}`;
    const entry: Record<string, unknown> = {
      version,
      resolved: `https://registry.npmjs.org/${name}/-/${name.split('/').at(-1)}-${version}.tgz`,
      integrity: integrity(`${name}@${version}`),
      license: 'MIT',
      ...(depCount > 0 ? { dependencies } : {}),
      ...(next() < 0.3 ? { engines: { node: '>=14' } } : {}),
      ...(next() < 0.2
        ? { funding: { type: 'github', url: `https://github.com/sponsors/${name}` } }
        : {}),
      ...(next() < 0.1 ? { bin: { [name.split('/').at(-1) ?? name]: 'bin/cli.js' } } : {}),
      ...(next() < 0.5 ? { dev: true } : {}),
    };
    entries[`node_modules/${name}`] = entry;
    if (next() < 0.15 && i > 0) {
      const owner = names[Math.floor(next() * count)] ?? 'pkg-0';
      entries[`node_modules/${owner}/node_modules/${name}`] = { ...entry, version: `2.0.${i % 5}` };
    }
  });
  for (let w = 0; w < 20; w++) {
    entries[`libs/w${w}`] = {
      name: `@big/w${w}`,
      version: '0.0.0',
      dependencies: { [names[w * 50] ?? 'pkg-0']: '*' },
    };
    entries[`node_modules/@big/w${w}`] = { resolved: `libs/w${w}`, link: true };
  }
  return entries;
}

function parse(text: string, previous?: Lockfile): Lockfile {
  const parsed = parseLockfile(text, previous);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.lockfile;
}

function topLevelNames(lock: Lockfile): string[] {
  return [...lock.entries.keys()]
    .filter((key) => key.startsWith('node_modules/') && key.lastIndexOf('node_modules/') === 0)
    .map((key) => key.slice('node_modules/'.length));
}

describe('lockfiles of thousands of packages', () => {
  const baseEntries = bigLockfile(10_000);
  const headEntries: Entries = { ...baseEntries };
  headEntries['node_modules/pkg-3'] = { ...headEntries['node_modules/pkg-3'], version: '1.3.4' };
  headEntries['node_modules/pkg-8001'] = {
    ...headEntries['node_modules/pkg-8001'],
    integrity: 'sha512-changed',
  };
  headEntries['node_modules/brand-new'] = { version: '1.0.0', integrity: 'sha512-new' };
  const wrap = (packages: Entries): string =>
    JSON.stringify(
      { name: 'big', version: '1.0.0', lockfileVersion: 3, requires: true, packages },
      null,
      2,
    );
  const baseText = wrap(baseEntries);
  const headText = wrap(headEntries);

  it('parses and diffs two 5 MB lockfiles', () => {
    expect(baseText.length).toBeGreaterThan(5_000_000);
    parse(headText, parse(baseText)); // warm up the JIT
    const base = parse(baseText);
    const changed = possiblyChangedPackages(base, parse(headText, base));
    expect(changed.has('pkg-3')).toBe(true);
    expect(changed.has('brand-new')).toBe(true);
    expect(changed).toEqual(possiblyChangedPackages(parse(baseText), parse(headText)));
  });

  it('agrees with the closures: a package whose resolution changed is always listed', () => {
    const base = parse(baseText);
    const head = parse(headText);
    const changed = possiblyChangedPackages(base, head);
    let differing = 0;
    for (const name of topLevelNames(head)) {
      const before = resolvePackage(base, '', name)?.closure;
      const after = resolvePackage(head, '', name)?.closure;
      if (before !== after) {
        differing++;
        expect(changed.has(name), name).toBe(true);
      }
    }
    for (let w = 0; w < 20; w++) {
      const name = `@big/w${w}`;
      if (
        resolvePackage(base, 'src', name)?.closure !== resolvePackage(head, 'src', name)?.closure
      ) {
        expect(changed.has(name), name).toBe(true);
      }
    }
    expect(differing).toBeGreaterThan(2);
    expect(differing).toBeLessThanOrEqual(changed.size);
  });
});
