import { describe, expect, it } from 'vitest';
import {
  type Lockfile,
  type LockfileParse,
  parseLockfile,
  possiblyChangedPackages,
} from '../src/lockfile/index.ts';
import { npm } from './lockfile-fixtures.ts';

const packages: Record<string, unknown> = {
  '': { name: 'repo', version: '1.0.0', workspaces: ['libs/*'] },
  'libs/a': { name: '@repo/a', version: '0.1.0', dependencies: { left: '^1' } },
  'node_modules/@repo/a': { resolved: 'libs/a', link: true },
  'node_modules/left': npm('left', '1.0.0', { right: '^1' }),
  'node_modules/right': npm('right', '1.0.0'),
  'node_modules/left/node_modules/right': npm('right', '2.0.0'),
  'node_modules/empty': {},
};

/** A lockfile text as npm writes it. */
function npmText(pkgs: Record<string, unknown>, extra: Record<string, unknown> = {}): string {
  const document = {
    name: 'repo',
    version: '1.0.0',
    lockfileVersion: 3,
    requires: true,
    packages: pkgs,
    ...extra,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

function parsed(text: string, previous?: Lockfile): Lockfile {
  const result = parseLockfile(text, previous);
  if (!result.ok) throw new Error(result.message);
  return result.lockfile;
}

/** Parses `text` with and without `previous`; both must agree. Returns the reusing one. */
function agree(text: string, previous: Lockfile): LockfileParse {
  const reused = parseLockfile(text, previous);
  expect(reused).toEqual(parseLockfile(text));
  return reused;
}

function reusedCount(lock: Lockfile, previous: Lockfile): number {
  return [...lock.entries].filter(([key, entry]) => previous.entries.get(key) === entry).length;
}

describe('parseLockfile with a previous lockfile', () => {
  const base = parsed(npmText(packages));

  it('takes unchanged entries over and parses the rest', () => {
    const changed: Record<string, unknown> = {
      ...packages,
      'node_modules/right': npm('right', '1.0.1'),
      'node_modules/added': npm('added', '1.0.0'),
    };
    delete changed['node_modules/empty'];
    const result = agree(npmText(changed), base);
    if (!result.ok) throw new Error(result.message);
    expect(reusedCount(result.lockfile, base)).toBe(5);
    expect(result.lockfile.entries.get('node_modules/right')?.version).toBe('1.0.1');
    expect(result.lockfile.entries.has('node_modules/empty')).toBe(false);
    // Not @repo/a, a workspace that depends on right: no package its importers resolve.
    expect([...possiblyChangedPackages(base, result.lockfile)].sort()).toEqual([
      'added',
      'empty',
      'left',
      'right',
    ]);
  });

  it('takes the first and the last entry over too', () => {
    const result = agree(npmText(packages), base);
    if (!result.ok) throw new Error(result.message);
    expect(reusedCount(result.lockfile, base)).toBe(base.entries.size);
    expect(possiblyChangedPackages(base, result.lockfile).size).toBe(0);
  });

  it('reads lockfileVersion 2 with its legacy dependencies section', () => {
    const legacy = { dependencies: { left: { version: '1.0.0', requires: { right: '^1' } } } };
    const v2 = (pkgs: Record<string, unknown>): string =>
      npmText(pkgs, { lockfileVersion: 2, ...legacy });
    const v2Base = parsed(v2(packages));
    const result = agree(v2({ ...packages, 'node_modules/right': npm('right', '1.0.2') }), v2Base);
    if (!result.ok) throw new Error(result.message);
    expect(result.lockfile.lockfileVersion).toBe(2);
    expect(reusedCount(result.lockfile, v2Base)).toBe(base.entries.size - 1);
  });

  it('reports errors exactly as a whole parse does', () => {
    const good = npmText(packages);
    const broken = [
      good.replace('"version": "2.0.0",', '"version": "2.0.0",,'),
      good.replace('"requires": true,', '"requires": true,,'),
      good.replace('    "node_modules/right": {', '<<<<<<< HEAD\n    "node_modules/right": {'),
      good.replace('"lockfileVersion": 3', '"lockfileVersion": 4'),
      good.replace('"version": "1.0.0",\n      "resolved"', '"version": 1,\n      "resolved"'),
      good.replace(/\n {2}"packages": \{[\s\S]*\n {2}\}/, '\n  "packages": []'),
      good.slice(0, good.length / 2),
    ];
    for (const text of broken) {
      const result = agree(text, base);
      expect(result.ok, text).toBe(false);
    }
  });

  it('falls back to a whole parse for layouts other than npm’s', () => {
    const changed = { ...packages, 'node_modules/right': npm('right', '1.0.1') };
    const document = { lockfileVersion: 3, packages: changed };
    for (const text of [
      JSON.stringify(document),
      JSON.stringify(document, null, 4),
      JSON.stringify(document, null, 2).replaceAll('\n', '\r\n'),
      npmText({}),
    ]) {
      agree(text, base);
    }
    // A previous lockfile in another layout gives nothing to take over, but no harm.
    const minifiedBase = parsed(JSON.stringify({ lockfileVersion: 3, packages }));
    const result = agree(npmText(changed), minifiedBase);
    expect(result.ok && reusedCount(result.lockfile, minifiedBase)).toBe(0);
    const v1 = parsed(
      JSON.stringify({ lockfileVersion: 1, dependencies: { left: { version: '1.0.0' } } }, null, 2),
    );
    agree(npmText(changed), v1);
  });

  it('parses keys with escapes on their own', () => {
    const odd = { ...packages, 'node_modules/we\\ird"name': npm('weird', '1.0.0') };
    const oddBase = parsed(npmText(odd));
    const result = agree(npmText({ ...odd, 'node_modules/right': npm('right', '1.0.3') }), oddBase);
    expect(result.ok && result.lockfile.entries.has('node_modules/we\\ird"name')).toBe(true);
  });

  it('does not trust a previous text whose nested lines look like entry separators', () => {
    // Valid JSON, not npm's layout: `left` holds a field named like the entry before it,
    // on a line that looks like the start of an entry.
    const tricky = (rightVersion: string): string =>
      npmText({
        'node_modules/right': npm('right', rightVersion),
        'node_modules/left': npm('left', '1.0.0', { x: '^1' }),
      }).replace('      }\n    }\n  }', '      },\n    "node_modules/right": {}\n    }\n  }');
    expect(tricky('1.0.0')).toContain('},\n    "node_modules/right": {}\n    }\n  }');
    const trickyBase = parsed(tricky('1.0.0'));
    const result = agree(tricky('9.9.9'), trickyBase);
    expect(result.ok && result.lockfile.entries.get('node_modules/right')?.version).toBe('9.9.9');
  });
});
