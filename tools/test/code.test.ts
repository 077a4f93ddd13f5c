import { spawnSync } from 'node:child_process';
import { readFileSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateMonorepo } from '../src/index.ts';
import { readText, tempDir } from './helpers.ts';

const require = createRequire(import.meta.url);
const vitestDir = dirname(require.resolve('vitest/package.json'));
const nodeModules = dirname(vitestDir);
const tsc = join(dirname(require.resolve('typescript/package.json')), 'bin', 'tsc');

function specifiers(source: string): string[] {
  return [...source.matchAll(/^(?:import|export)\b[^'"]*from '([^']+)';$/gm)].map(
    (m) => m[1] ?? '',
  );
}

/** The parent vitest's variables would make the child believe it is a worker. */
function childEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(
      ([key]) => !key.startsWith('VITEST') && key !== 'NODE_OPTIONS',
    ),
  );
}

describe('generateMonorepo with code: true', () => {
  it('imports exactly its deps and external packages, and relative files that exist', () => {
    const repo = generateMonorepo({
      dir: tempDir(),
      targets: 40,
      code: true,
      externalPackages: true,
      git: false,
    });
    expect(repo.targets.some((t) => t.externals.length > 0)).toBe(true);
    const byName = new Map(repo.targets.map((t) => [t.name, t]));
    for (const target of repo.targets) {
      const bare = new Set<string>();
      for (const src of target.srcs) {
        for (const specifier of specifiers(readText(repo.dir, src))) {
          if (specifier.startsWith('.')) {
            expect(target.srcs).toContain(`${target.name}/src/${specifier.slice(2)}`);
          } else {
            bare.add(specifier);
          }
        }
      }
      const allowed = [
        ...target.deps.map((dep) => byName.get(dep)?.packageName),
        ...target.externals,
      ];
      expect([...bare].sort(), target.name).toEqual(allowed.sort());
      const test = readText(repo.dir, target.tests[0] ?? '');
      expect(test.match(/\bit\(/g)).toHaveLength(10);
    }
  });

  it('type-checks with tsc, without an npm install', () => {
    const repo = generateMonorepo({
      dir: tempDir(),
      targets: 25,
      code: true,
      externalPackages: true,
      git: false,
    });
    const result = spawnSync(process.execPath, [tsc, '-p', join(repo.dir, 'tsconfig.json')], {
      encoding: 'utf8',
    });
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('writes vitest tests whose expected values hold', () => {
    const repo = generateMonorepo({
      dir: tempDir(),
      targets: 8,
      code: true,
      testsPerTarget: 4,
      git: false,
    });
    symlinkSync(nodeModules, join(repo.dir, 'node_modules'), 'dir');
    const report = join(repo.dir, 'vitest-report.json');
    const result = spawnSync(
      process.execPath,
      [join(vitestDir, 'vitest.mjs'), 'run', '--reporter=json', `--outputFile=${report}`],
      { cwd: repo.dir, encoding: 'utf8', env: childEnv() },
    );
    expect(result.status, result.stderr).toBe(0);
    const summary = JSON.parse(readFileSync(report, 'utf8')) as {
      numTotalTests: number;
      numPassedTests: number;
    };
    expect(summary.numTotalTests).toBe(8 * 4);
    expect(summary.numPassedTests).toBe(8 * 4);
  });
});
