import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTempRepo, runCli } from '../src/index.ts';

const fixture = (name: string): string =>
  readFileSync(new URL(`../../libs/affected/test/fixtures/${name}`, import.meta.url), 'utf8');

const ms212 =
  'sha512-sGkPx+VjMtmA6MX27oA4FBFELFCZZ4S4XqeGOXCv68tT+jb3vk/RyaKWP0PTKyWtmLSM0b+adUTEvbs1PEaH2w==';
const ms213 =
  'sha512-6FlzubTLZG3J2a/NVCAleEhjzq5oxgHyaCU9yYXvcLsvoVaHJq/s5xXI6/XXP6tz7R9xAOtHnSO/tXtF3WRTlA==';

/** The workspace the fixtures were written for: libs/a uses @ws/b and sade, libs/b uses ms. */
function workspace(lockfiles: Record<string, string>) {
  const target = (name: string, deps: string[]) => ({
    kind: 'lib',
    srcs: [`libs/${name}/src/**`, `libs/${name}/package.json`],
    tests: [],
    deps,
  });
  return createTempRepo({
    files: {
      'BUILD.json': JSON.stringify({
        version: 1,
        targets: {
          'libs/a': target('a', ['libs/b']),
          'libs/b': target('b', []),
          'libs/c': target('c', []),
        },
      }),
      'package.json': '{ "name": "root", "private": true, "workspaces": ["libs/*"] }\n',
      'libs/a/package.json': fixture('classic-a-package.json'),
      'libs/a/src/index.ts': "import sade from 'sade';\nimport { b } from '@ws/b';\n",
      'libs/b/package.json':
        '{ "name": "@ws/b", "version": "1.0.0", "dependencies": { "ms": "^2.1.0" } }\n',
      'libs/b/src/index.ts': "import ms from 'ms';\n",
      'libs/c/package.json': '{ "name": "@ws/c", "version": "1.0.0" }\n',
      'libs/c/src/index.ts': 'export const c = 1;\n',
      ...lockfiles,
    },
  });
}

interface Report {
  affected: { name: string; reasons: Record<string, unknown>[] }[];
  unowned: string[];
  warnings: { file: string; message: string }[];
}

async function affected(dir: string): Promise<Report> {
  const result = await runCli(['affected', '--base', 'HEAD~1', '--json'], { cwd: dir });
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as Report;
}

describe('mainline affected reads yarn.lock and pnpm-lock.yaml', () => {
  it('a bump in yarn.lock (classic) affects the importers, named with the versions', async () => {
    const head = fixture('yarn-classic.lock');
    const base = head
      .replace('version "2.1.3"', 'version "2.1.2"')
      .replace(
        'ms-2.1.3.tgz#574c8138ce1d2b5861f0b44579dbadd60c6615b2',
        'ms-2.1.2.tgz#d09d1f357b443f493382a8eb3ccd183872ae6009',
      )
      .replace(ms213, ms212);
    const repo = workspace({ 'yarn.lock': base });
    repo.write({ 'yarn.lock': head });
    repo.commit('lock file maintenance');
    const json = await affected(repo.dir);
    expect(json.affected.map((target) => target.name)).toEqual(['libs/a', 'libs/b']);
    expect(json.affected[1]?.reasons).toEqual([
      {
        type: 'lockfile',
        path: 'yarn.lock',
        package: 'ms',
        from: '2.1.2',
        to: '2.1.3',
        role: 'src',
      },
    ]);
    expect(json.unowned).toEqual([]);
    // Both sides are remembered as parsed, and a run that reads them answers the same;
    // damaged, they are parsed again.
    const remembered = join(repo.dir, '.mainline', 'lockfiles');
    const files = readdirSync(remembered).map((file) => join(remembered, file));
    expect(files).toHaveLength(2);
    const written = files.map((file) => statSync(file).mtimeMs);
    expect(await affected(repo.dir)).toEqual(json);
    expect(files.map((file) => statSync(file).mtimeMs)).toEqual(written); // read, not parsed
    for (const file of files) writeFileSync(file, 'garbage');
    expect(await affected(repo.dir)).toEqual(json);
    expect(files.map((file) => readFileSync(file, 'utf8'))).not.toContain('garbage');
    const why = await runCli(['why', 'libs/b', '--base', 'HEAD~1'], { cwd: repo.dir });
    expect(why.stdout, why.stderr).toContain('ms 2.1.2 -> 2.1.3 in yarn.lock');
  });

  it('a broken pnpm-lock.yaml affects every target; a changed bun.lockb is a warning', async () => {
    const repo = workspace({ 'pnpm-lock.yaml': fixture('pnpm-v9.yaml'), 'bun.lockb': 'v1' });
    repo.write({ 'pnpm-lock.yaml': "lockfileVersion: '9.0'\nimporters: [\n", 'bun.lockb': 'v2' });
    repo.commit('broken lockfile');
    const json = await affected(repo.dir);
    expect(json.affected.map((target) => target.name)).toEqual(['libs/a', 'libs/b', 'libs/c']);
    expect(json.affected[2]?.reasons[0]).toMatchObject({
      type: 'lockfile-unparsable',
      path: 'pnpm-lock.yaml',
      message: expect.stringMatching(/^head: line 3, column 1: /),
    });
    expect(json.unowned).toEqual(['bun.lockb']);
    expect(json.warnings).toEqual([
      expect.objectContaining({
        file: 'bun.lockb',
        message:
          "bun.lockb changed, but mainline cannot read bun's lockfile: no target is affected by it",
      }),
    ]);
  });
});
