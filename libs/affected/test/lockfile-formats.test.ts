import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lockfileImporters, planLockfile } from '../src/index.ts';

// Lockfiles written by the real tools for one workspace (npm 11.19.1, yarn 1.22.22,
// yarn 4.5.3, pnpm 8.15.9 and 9.15.9): libs/a depends on @ws/b and sade (-> mri), is-odd (dev,
// -> is-number); libs/b on ms. The base of each change is the head edited as a
// lock maintenance commit would edit it, with the registry's integrity values.
const fixture = (name: string): string =>
  readFileSync(new URL(`fixtures/${name}`, import.meta.url), 'utf8');

const files = [
  {
    path: 'libs/a/src/index.ts',
    content: "import sade from 'sade';\nimport { b } from '@ws/b';\n",
  },
  { path: 'libs/a/test/a.test.ts', content: "import isOdd from 'is-odd';\n" },
  { path: 'libs/b/src/index.ts', content: "import ms from 'ms';\n" },
];

const ms212 =
  'sha512-sGkPx+VjMtmA6MX27oA4FBFELFCZZ4S4XqeGOXCv68tT+jb3vk/RyaKWP0PTKyWtmLSM0b+adUTEvbs1PEaH2w==';
const ms213 =
  'sha512-6FlzubTLZG3J2a/NVCAleEhjzq5oxgHyaCU9yYXvcLsvoVaHJq/s5xXI6/XXP6tz7R9xAOtHnSO/tXtF3WRTlA==';
const mri116 =
  'sha512-oi1b3MfbyGa7FJMP9GmLTttni5JoICpYBRlq+x5V16fZbLsnL9N3wFqqIm/nIG43FjUFkFh9Epzp/kzUGUnJxQ==';
const mri120 =
  'sha512-tzzskb3bG8LvYGFF/mDTpq3jpI6Q9wc3LEmBaghu+DdCssd1FakN7Bc0hVNmEyGq1bq3RgfkCb3cmQLpNPOroA==';

interface Format {
  readonly path: string;
  readonly head: string;
  /** Base texts: ms one version lower, mri one lower, a field that resolves nothing. */
  readonly direct: (text: string) => string;
  readonly transitive: (text: string) => string;
  readonly unrelated: (text: string) => string;
  readonly broken: string;
  readonly brokenMessage: RegExp;
  readonly manifests?: ReadonlyMap<string, string>;
}

const edit = (text: string, from: string, to: string): string => {
  if (!text.includes(from)) throw new Error(`fixture edit: ${from} not found`);
  return text.replaceAll(from, to);
};

const classicManifests = new Map([
  ['', '{ "name": "root", "private": true, "workspaces": ["libs/*"] }'],
  ['libs/a', fixture('classic-a-package.json')],
  ['libs/b', '{ "name": "@ws/b", "version": "1.0.0", "dependencies": { "ms": "^2.1.0" } }'],
]);

const pnpm = (name: string, v6: boolean): Format => {
  const key = (id: string) => (v6 ? `/${id}` : id);
  return {
    path: 'pnpm-lock.yaml',
    head: fixture(name),
    direct: (text) =>
      edit(
        edit(edit(text, `${key('ms@2.1.3')}:`, `${key('ms@2.1.2')}:`), ms213, ms212),
        'version: 2.1.3',
        'version: 2.1.2',
      ).replace(/^ {2}ms@2\.1\.3: \{\}$/m, '  ms@2.1.2: {}'),
    transitive: (text) =>
      edit(
        edit(edit(text, `${key('mri@1.2.0')}:`, `${key('mri@1.1.6')}:`), mri120, mri116),
        'mri: 1.2.0',
        'mri: 1.1.6',
      ).replace(/^ {2}mri@1\.2\.0: \{\}$/m, '  mri@1.1.6: {}'),
    unrelated: (text) =>
      edit(
        edit(text, 'autoInstallPeers: true', 'autoInstallPeers: false'),
        "engines: {node: '>=4'}",
        "engines: {node: '>=6'}",
      ),
    broken: `lockfileVersion: '9.0'\nimporters:\n  libs/a: [1\n`,
    brokenMessage: /^head: line \d+, column \d+: /,
  };
};

const formats: Record<string, Format> = {
  npm: {
    path: 'package-lock.json',
    head: fixture('npm-lock.json'),
    direct: (text) => edit(edit(text, '"version": "2.1.3"', '"version": "2.1.2"'), ms213, ms212),
    transitive: (text) =>
      edit(edit(text, '"version": "1.2.0"', '"version": "1.1.6"'), mri120, mri116),
    unrelated: (text) => edit(text, '"node": ">=6"', '"node": ">=8"'),
    broken: '{\n  "lockfileVersion": 3,\n  "packages": {\n    "node_modules/ms": {\n',
    brokenMessage: /^head: line \d+, column \d+: /,
  },
  'yarn classic': {
    path: 'yarn.lock',
    head: fixture('yarn-classic.lock'),
    direct: (text) =>
      edit(
        edit(
          edit(text, 'version "2.1.3"', 'version "2.1.2"'),
          'ms-2.1.3.tgz#574c8138ce1d2b5861f0b44579dbadd60c6615b2',
          'ms-2.1.2.tgz#d09d1f357b443f493382a8eb3ccd183872ae6009',
        ),
        ms213,
        ms212,
      ),
    transitive: (text) =>
      edit(
        edit(
          edit(text, 'version "1.2.0"', 'version "1.1.6"'),
          'mri-1.2.0.tgz#6721480fec2a11a4889861115a48b6cbe7cc8f0b',
          'mri-1.1.6.tgz#49952e1044db21dbf90f6cd92bc9c9a777d415a6',
        ),
        mri120,
        mri116,
      ),
    // yarn merges a new range into the block that already satisfies it.
    unrelated: (text) => edit(text, '\nms@^2.1.0:', '\nms@^2.1.0, ms@^2.1.1:'),
    broken: '# yarn lockfile v1\n\n\nms@^2.1.0:\n  version "2.1.3\n',
    brokenMessage: /^head: line 5, column \d+: Expected/,
    manifests: classicManifests,
  },
  'yarn berry': {
    path: 'yarn.lock',
    head: fixture('yarn-berry.lock'),
    direct: (text) =>
      edit(edit(text, 'ms@npm:2.1.3', 'ms@npm:2.1.2'), 'version: 2.1.3', 'version: 2.1.2').replace(
        /(resolution: "ms@npm:2\.1\.2"\n {2}checksum: 10c0\/)[0-9a-f]+/,
        '$1b0690fc7e56332d980e89c7b8c0d9f8a8a28e8a1a3e1e5d2a6d8f8e1e1d5f3a9b2c4e6f8a0b2c4d6e8f0a2b4c6d8e0f2a4b6c8d0e2f4a6b8c0d2e4f6a8b0c2d',
      ),
    transitive: (text) =>
      edit(edit(text, 'mri@npm:1.2.0', 'mri@npm:1.1.6'), 'version: 1.2.0', 'version: 1.1.6'),
    unrelated: (text) => edit(text, '"ms@npm:^2.1.0":', '"ms@npm:^2.1.0, ms@npm:^2.1.1":'),
    broken: '__metadata:\n  version: 8\n\n"ms@npm:^2.1.0":\n  version: [2.1.3\n',
    brokenMessage: /^head: line \d+, column \d+: /,
  },
  'pnpm 9': pnpm('pnpm-v9.yaml', false),
  'pnpm 6': pnpm('pnpm-v6.yaml', true),
};

describe.each(Object.entries(formats))('%s lockfile diffed semantically', (_, format) => {
  const importers = (base: string, head = format.head) => {
    const plan = planLockfile(base, head, {
      path: format.path,
      baseManifests: format.manifests,
      headManifests: format.manifests,
    });
    if (plan.kind !== 'candidates') throw new Error(plan.message);
    return lockfileImporters(plan, files);
  };

  it('a direct bump affects the files that import the package, not the importers of its workspace', () => {
    // libs/a imports @ws/b, whose ms moved: @ws/b is a workspace package, no external one.
    // Its change reaches libs/a through BUILD.json deps, not through the lockfile.
    expect(importers(format.direct(format.head))).toEqual([
      { path: 'libs/b/src/index.ts', package: 'ms', from: '2.1.2', to: '2.1.3' },
    ]);
  });

  it('a transitive bump affects the importers of the package that depends on it', () => {
    expect(importers(format.transitive(format.head))).toEqual([
      { path: 'libs/a/src/index.ts', package: 'sade', from: '1.8.1', to: '1.8.1' },
    ]);
  });

  it('a field that resolves nothing affects nothing', () => {
    expect(importers(format.unrelated(format.head))).toEqual([]);
    expect(importers(format.head)).toEqual([]);
  });

  it('an unparsable lockfile is reported with where it breaks', () => {
    const plan = planLockfile(format.head, format.broken, { path: format.path });
    expect(plan.kind).toBe('unparsable');
    if (plan.kind === 'unparsable') expect(plan.message).toMatch(format.brokenMessage);
  });
});
