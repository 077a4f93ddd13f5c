import { describe, expect, it } from 'vitest';
import { parseLockfile, resolvePackage } from '../src/lockfile/index.ts';

function failure(text: string): string {
  const parsed = parseLockfile(text);
  if (parsed.ok) throw new Error('expected the lockfile to be refused');
  return parsed.message;
}

const v3 = `{
  "name": "repo",
  "version": "1.0.0",
  "lockfileVersion": 3,
  "requires": true,
  "packages": {
    "": { "name": "repo", "version": "1.0.0", "workspaces": ["libs/*"] },
    "node_modules/lodash": {
      "version": "4.17.21",
      "resolved": "https://registry.npmjs.org/lodash/-/lodash-4.17.21.tgz",
      "integrity": "sha512-v2kDEe57lecTulaDIuNTPy3Ry4gLGJ6Z1O3vE1krgXZNrsQ+LFTGHVxVjcXPs17LhbZVGedAJv8XZ1tvj5FvSg==",
      "license": "MIT"
    }
  }
}`;

describe('parseLockfile', () => {
  it('reads the packages map of lockfileVersion 3', () => {
    const parsed = parseLockfile(v3);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.lockfile.lockfileVersion).toBe(3);
    expect(parsed.lockfile.entries.get('node_modules/lodash')).toEqual({
      key: 'node_modules/lodash',
      name: undefined,
      version: '4.17.21',
      resolved: 'https://registry.npmjs.org/lodash/-/lodash-4.17.21.tgz',
      integrity:
        'sha512-v2kDEe57lecTulaDIuNTPy3Ry4gLGJ6Z1O3vE1krgXZNrsQ+LFTGHVxVjcXPs17LhbZVGedAJv8XZ1tvj5FvSg==',
      link: false,
      deps: [],
    });
  });

  it('merges dependencies, optionalDependencies and peerDependencies, but not devDependencies', () => {
    const text = JSON.stringify({
      lockfileVersion: 2,
      packages: {
        'node_modules/a': {
          version: '1.0.0',
          dependencies: { z: '^1', b: '^1' },
          optionalDependencies: { fsevents: '^2', b: '^1' },
          peerDependencies: { react: '*' },
          devDependencies: { jest: '^29' },
        },
      },
      dependencies: { ignored: { version: '9.9.9' } },
    });
    const parsed = parseLockfile(text);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.lockfile.entries.get('node_modules/a')?.deps).toEqual([
      'b',
      'fsevents',
      'react',
      'z',
    ]);
    expect(parsed.lockfile.entries.has('node_modules/ignored')).toBe(false);
  });

  it('accepts a byte-order mark', () => {
    expect(parseLockfile(`\ufeff${v3}`).ok).toBe(true);
  });

  it('locates a JSON syntax error by line and column', () => {
    const broken = v3.replace('"license": "MIT"', '"license": "MIT",');
    const message = failure(broken);
    expect(message).toMatch(/^line 13, column 5: /);
    expect(message).not.toContain('position');
  });

  it('locates errors V8 reports without an offset', () => {
    expect(failure('{\n  "lockfileVersion": }')).toBe("line 2, column 22: Unexpected token '}'");
    expect(failure('{\n  "lockfileVersion": 3,\n')).toMatch(/^line 3, column 1: /);
    expect(failure('')).toMatch(/^line 1, column 1: Unexpected end of JSON input/);
  });

  it('refuses a lockfile without packages, with a clear message', () => {
    expect(failure('{ "lockfileVersion": 3, "requires": true }')).toBe(
      'missing "packages" (required by lockfileVersion 3)',
    );
    expect(failure('{ "lockfileVersion": 2, "packages": [] }')).toBe(
      '"packages": expected an object',
    );
  });

  it('refuses unknown and missing versions rather than guess', () => {
    expect(failure('{ "lockfileVersion": 4, "packages": {} }')).toBe(
      'unsupported lockfileVersion 4',
    );
    expect(failure('{ "lockfileVersion": "3", "packages": {} }')).toBe(
      'unsupported lockfileVersion "3"',
    );
    expect(failure('{ "packages": {} }')).toBe('missing "lockfileVersion"');
    expect(failure('[1, 2]')).toBe('the lockfile is not a JSON object');
  });

  it('refuses entries of the wrong shape, naming the entry', () => {
    const wrongVersion = JSON.stringify({
      lockfileVersion: 3,
      packages: { 'node_modules/a': { version: 1 } },
    });
    expect(failure(wrongVersion)).toBe('packages["node_modules/a"].version: expected a string');
    const wrongDeps = JSON.stringify({
      lockfileVersion: 3,
      packages: { 'node_modules/a': { dependencies: ['b'] } },
    });
    expect(failure(wrongDeps)).toBe('packages["node_modules/a"].dependencies: expected an object');
    const wrongLink = JSON.stringify({
      lockfileVersion: 3,
      packages: { 'node_modules/a': { link: 'yes' } },
    });
    expect(failure(wrongLink)).toBe('packages["node_modules/a"].link: expected a boolean');
    expect(
      failure(JSON.stringify({ lockfileVersion: 3, packages: { 'node_modules/a': null } })),
    ).toBe('packages["node_modules/a"]: expected an object');
  });

  it('supports lockfileVersion 1 through its dependencies tree', () => {
    const v1 = JSON.stringify({
      name: 'repo',
      lockfileVersion: 1,
      requires: true,
      dependencies: {
        a: {
          version: '1.0.0',
          resolved: 'https://registry.npmjs.org/a/-/a-1.0.0.tgz',
          integrity: 'sha512-a1',
          requires: { b: '^2.0.0' },
          dependencies: { b: { version: '2.0.0', integrity: 'sha512-b2' } },
        },
        b: { version: '1.0.0', integrity: 'sha512-b1' },
        c: { version: 'npm:real-c@3.1.0', integrity: 'sha512-c3' },
        local: { version: 'file:./packages/local' },
      },
    });
    const parsed = parseLockfile(v1);
    if (!parsed.ok) throw new Error(parsed.message);
    const lock = parsed.lockfile;
    expect(lock.lockfileVersion).toBe(1);
    expect([...lock.entries.keys()].sort()).toEqual([
      'node_modules/a',
      'node_modules/a/node_modules/b',
      'node_modules/b',
      'node_modules/c',
      'node_modules/local',
    ]);
    expect(lock.entries.get('node_modules/a')?.resolved).toBe(
      'https://registry.npmjs.org/a/-/a-1.0.0.tgz',
    );
    expect(lock.entries.get('node_modules/c')).toMatchObject({ name: 'real-c', version: '3.1.0' });
    expect(lock.entries.get('node_modules/local')).toMatchObject({
      link: true,
      resolved: 'packages/local',
    });
    expect(resolvePackage(lock, 'src', 'b')?.version).toBe('1.0.0');
    expect(resolvePackage(lock, 'src', 'a')?.version).toBe('1.0.0');
    // a's nested b@2 is part of a's resolution, not of the hoisted b's.
    expect(resolvePackage(lock, 'node_modules/a/lib', 'b')?.version).toBe('2.0.0');
  });

  it('reads a lockfile with no dependencies at all', () => {
    const parsed = parseLockfile('{ "name": "x", "lockfileVersion": 1, "requires": true }');
    expect(parsed.ok && parsed.lockfile.entries.size).toBe(0);
  });
});
