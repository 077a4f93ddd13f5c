import { describe, expect, it } from 'vitest';
import { createTempRepo, runCli, type TempRepo } from '../src/index.ts';

const manifest = (fields: object): string => `${JSON.stringify({ name: '@s/core', ...fields })}\n`;

/** libs/core <- libs/ui <- properties/web; manifests are not among any target's srcs. */
function sampleRepo(): TempRepo {
  const build = {
    version: 1,
    targets: {
      'libs/core': { kind: 'lib', srcs: ['libs/core/src/**'], tests: ['libs/core/test/**'] },
      'libs/ui': { kind: 'lib', srcs: ['libs/ui/src/**'], deps: ['libs/core'] },
      'properties/web': { kind: 'property', srcs: ['properties/web/src/**'], deps: ['libs/ui'] },
    },
  };
  return createTempRepo({
    files: {
      'BUILD.json': `${JSON.stringify(build, null, 2)}\n`,
      'libs/core/package.json': manifest({ dependencies: { zod: '^3.22.0' } }),
      'libs/core/src/index.ts': 'export const core = 1;\n',
      'libs/ui/src/index.ts': 'export const ui = 1;\n',
      'properties/web/src/main.ts': 'console.log(1);\n',
    },
  });
}

async function affected(repo: TempRepo): Promise<{ name: string; reasons: object[] }[]> {
  const result = await runCli(['affected', '--base', 'HEAD~1', '--json'], { cwd: repo.dir });
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout).affected;
}

describe('a package manifest is part of its target', () => {
  it.concurrent('a dependency bump affects the target and its dependents, naming it', async () => {
    const repo = sampleRepo();
    repo.write({
      'libs/core/package.json': manifest({ dependencies: { zod: '^3.23.8' }, description: 'x' }),
    });
    repo.commit('bump zod');
    const json = await affected(repo);
    expect(json.map((target) => target.name)).toEqual(['libs/core', 'libs/ui', 'properties/web']);
    expect(json[0]?.reasons).toEqual([
      { type: 'manifest', path: 'libs/core/package.json', fields: ['dependencies'], role: 'src' },
    ]);
    const why = await runCli(['why', 'properties/web', '--base', 'HEAD~1'], { cwd: repo.dir });
    expect(why.stdout).toContain('dependencies changed in libs/core/package.json');
  });

  it.concurrent('a description change affects nothing', async () => {
    const repo = sampleRepo();
    repo.write({
      'libs/core/package.json': manifest({ dependencies: { zod: '^3.22.0' }, description: 'x' }),
    });
    repo.commit('describe core');
    expect(await affected(repo)).toEqual([]);
  });
});
