import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cloneTemp, createTempRepo, makeTempDir, runCli, type TempRepo } from '../src/index.ts';

const buildJson = {
  version: 1,
  globalInputs: ['tsconfig.base.json'],
  targets: {
    'libs/core': { kind: 'lib', srcs: ['libs/core/src/**'], tests: ['libs/core/test/**'] },
    'libs/ui': { kind: 'lib', srcs: ['libs/ui/src/**'], deps: ['libs/core'] },
    'libs/api': { kind: 'lib', srcs: ['libs/api/src/**'], deps: ['libs/core'] },
    'properties/web': {
      kind: 'property',
      srcs: ['properties/web/src/**'],
      entry: 'properties/web/src/main.ts',
      deps: ['libs/ui'],
    },
  },
};

function sampleRepo(): TempRepo {
  return createTempRepo({
    files: {
      'BUILD.json': `${JSON.stringify(buildJson, null, 2)}\n`,
      'tsconfig.base.json': '{}\n',
      '.gitignore': 'ignored/\n',
      'libs/core/src/index.ts': 'export const core = 1;\n',
      'libs/core/test/core.test.ts': 'test\n',
      'libs/ui/src/index.ts': 'export const ui = 1;\n',
      'libs/api/src/index.ts': 'export const api = 1;\n',
      'properties/web/src/main.ts': 'console.log(1);\n',
      'README.md': '# sample\n',
    },
  });
}

interface AffectedJson {
  base: string;
  head: string;
  changedFiles: { path: string; status: string; oldPath?: string }[];
  affected: { name: string; kind: string; reasons: { type: string }[] }[];
  unowned: string[];
}

async function affectedJson(repo: TempRepo, ...args: string[]): Promise<AffectedJson> {
  const result = await runCli(['affected', '--json', ...args], { cwd: repo.dir });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as AffectedJson;
}

const names = (json: AffectedJson) => json.affected.map((t) => t.name);

describe('mainline affected', () => {
  it('prints a table with the shortest reason, and a summary on stderr', async () => {
    const repo = sampleRepo();
    repo.write({ 'libs/core/src/index.ts': 'export const core = 2;\n' });
    repo.commit('change core');
    const result = await runCli(['affected', '--base', 'HEAD~1'], { cwd: repo.dir });
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^TARGET\s+KIND\s+REASON$/);
    expect(lines).toHaveLength(5);
    expect(result.stdout).toMatch(/libs\/core\s+lib\s+libs\/core\/src\/index.ts changed/);
    expect(result.stdout).toMatch(/properties\/web\s+property\s+depends on libs\/ui/);
    expect(result.stderr).toMatch(/^4 of 4 targets affected by 1 changed file/);
  });

  it('defaults --base to the merge-base with main and prints JSON as in the contract', async () => {
    const repo = sampleRepo();
    repo.git('switch', '--quiet', '-c', 'feature');
    repo.write({ 'libs/api/src/index.ts': 'export const api = 2;\n' });
    const head = repo.commit('feature work');
    repo.git('switch', '--quiet', 'main');
    repo.write({ 'libs/ui/src/index.ts': 'export const ui = 3;\n' });
    const fork = repo.git('rev-parse', 'HEAD~0');
    repo.commit('trunk moves on');
    repo.git('switch', '--quiet', 'feature');
    const json = await affectedJson(repo);
    expect(json.head).toBe(head);
    expect(json.base).toBe(fork);
    expect(names(json)).toEqual(['libs/api']);
    expect(json.changedFiles).toEqual([{ path: 'libs/api/src/index.ts', status: 'M' }]);
    expect(json.affected[0]?.reasons).toEqual([
      { type: 'file', path: 'libs/api/src/index.ts', role: 'src' },
    ]);
  });

  it('filters by kind', async () => {
    const repo = sampleRepo();
    repo.write({ 'libs/core/src/index.ts': 'export const core = 2;\n' });
    repo.commit('change core');
    const json = await affectedJson(repo, '--base', 'HEAD~1', '--kind', 'property');
    expect(names(json)).toEqual(['properties/web']);
  });

  it('--uncommitted sees staged, unstaged and untracked files but not ignored ones, touching nothing', async () => {
    const repo = sampleRepo();
    repo.write({ 'libs/ui/src/staged.ts': 'x\n', 'libs/api/src/index.ts': 'changed\n' });
    repo.git('add', 'libs/ui/src/staged.ts');
    repo.write({ 'libs/core/test/new.test.ts': 'untracked\n', 'ignored/x.ts': 'ignored\n' });
    const statusBefore = repo.git('status', '--porcelain');
    const json = await affectedJson(repo, '--uncommitted');
    expect(json.head).toBe('WORKTREE');
    expect(json.changedFiles.map((f) => f.path).sort()).toEqual([
      'libs/api/src/index.ts',
      'libs/core/test/new.test.ts',
      'libs/ui/src/staged.ts',
    ]);
    expect(names(json)).toEqual(['libs/api', 'libs/core', 'libs/ui', 'properties/web']);
    expect(repo.git('status', '--porcelain')).toBe(statusBefore);
  });

  it('renames affect both owners; deletes the former owner; odd paths come through exactly', async () => {
    const repo = sampleRepo();
    repo.write({
      'libs/api/src/naïve file 日本.ts':
        'export const strange = "a long enough body to detect the rename";\n',
    });
    repo.commit('odd path');
    repo.rename('libs/api/src/naïve file 日本.ts', 'libs/ui/src/moved here.ts');
    repo.commit('move');
    const moved = await affectedJson(repo, '--base', 'HEAD~1');
    expect(moved.changedFiles).toEqual([
      {
        path: 'libs/ui/src/moved here.ts',
        status: 'R',
        oldPath: 'libs/api/src/naïve file 日本.ts',
      },
    ]);
    expect(names(moved)).toEqual(['libs/api', 'libs/ui', 'properties/web']);
    repo.remove('libs/core/test/core.test.ts');
    repo.commit('delete a test');
    expect(names(await affectedJson(repo, '--base', 'HEAD~1'))).toEqual(['libs/core']);
  });

  it('lists unowned files and exits 0 when nothing is affected', async () => {
    const repo = sampleRepo();
    repo.write({ 'README.md': '# changed\n' });
    repo.commit('docs');
    const json = await affectedJson(repo, '--base', 'HEAD~1');
    expect(json.affected).toEqual([]);
    expect(json.unowned).toEqual(['README.md']);
    const table = await runCli(['affected', '--base', 'HEAD~1'], { cwd: repo.dir });
    expect(table.code).toBe(0);
    expect(table.stdout).toBe('');
    expect(table.stderr).toContain('unowned, affecting nothing: README.md');
  });

  it('works on a detached HEAD and ignores GIT_DIR set by a surrounding hook', async () => {
    const repo = sampleRepo();
    const other = createTempRepo({ files: { 'x.txt': 'x\n' } });
    repo.write({ 'libs/ui/src/index.ts': 'export const ui = 2;\n' });
    repo.commit('ui');
    repo.git('checkout', '--quiet', '--detach', 'HEAD');
    const result = await runCli(['affected', '--json', '--base', 'HEAD~1'], {
      cwd: repo.dir,
      env: {
        GIT_DIR: join(other.dir, '.git'),
        GIT_WORK_TREE: other.dir,
        GIT_INDEX_FILE: join(other.dir, '.git/index'),
      },
    });
    expect(result.code).toBe(0);
    expect(names(JSON.parse(result.stdout) as AffectedJson)).toEqual(['libs/ui', 'properties/web']);
  });

  it('treats a ref that looks like an option as a ref', async () => {
    const repo = sampleRepo();
    const outside = join(makeTempDir('outside'), 'written');
    const result = await runCli(['affected', `--base=--output=${outside}`], { cwd: repo.dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`--output=${outside}`);
    expect(existsSync(outside)).toBe(false);
  });

  it('names an unknown ref, exit 2, no stack trace', async () => {
    const repo = sampleRepo();
    const result = await runCli(['affected', '--base', 'no-such-branch'], { cwd: repo.dir });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain("'no-such-branch'");
    expect(result.stderr).toContain('hint:');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses to guess in a shallow clone whose merge-base is missing', async () => {
    const repo = sampleRepo();
    repo.git('switch', '--quiet', '-c', 'feature');
    for (let i = 0; i < 3; i++) {
      repo.write({ 'libs/api/src/index.ts': `export const api = ${i};\n` });
      repo.commit(`feature ${i}`);
    }
    repo.git('switch', '--quiet', 'main');
    repo.write({ 'libs/ui/src/index.ts': 'export const ui = 9;\n' });
    repo.commit('trunk');
    const shallow = cloneTemp(repo.dir, { depth: 1, branch: 'feature', noSingleBranch: true });
    const result = await runCli(['affected', '--base', 'origin/main'], { cwd: shallow });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/shallow/);
    expect(result.stderr).toMatch(/--unshallow|fetch-depth/);
  });

  it('outside a git repository: exit 2 with a hint', async () => {
    const result = await runCli(['affected'], { cwd: makeTempDir('plain') });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/not .*git/);
    expect(result.stderr).toContain('hint:');
  });

  it('counts every target as new when BUILD.json was invalid at the base, and says so', async () => {
    const repo = createTempRepo({
      files: { 'BUILD.json': '{"version": 1, "targets": {', 'libs/a/x.ts': '1' },
    });
    repo.write({
      'BUILD.json': JSON.stringify({
        version: 1,
        globalInputs: ['tsconfig.json'],
        targets: { 'libs/a': { kind: 'lib', srcs: ['libs/a/**'] } },
      }),
    });
    repo.commit('fix BUILD.json');
    const result = await runCli(['affected', '--base', 'HEAD~1'], { cwd: repo.dir });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('every target counts as added');
    expect(result.stdout).toMatch(/libs\/a +lib +new target/);
  });

  it('says a folder given with -C does not exist, rather than that git is missing', async () => {
    const repo = sampleRepo();
    const result = await runCli(['-C', 'no/such/folder', 'affected'], { cwd: repo.dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('no such directory');
    expect(result.stderr).not.toContain('ENOENT');
  });

  it('a usage error exits 2 with one message and a hint, like every other error', async () => {
    const repo = sampleRepo();
    const result = await runCli(['affected', '--no-such-flag'], { cwd: repo.dir });
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr:
        "mainline: unknown option '--no-such-flag'\n  hint: run mainline --help (or mainline COMMAND --help) for usage\n",
    });
    const typo = await runCli(['afected'], { cwd: repo.dir });
    expect(typo.code).toBe(2);
    expect(typo.stderr).toBe(
      "mainline: unknown command 'afected'\n  hint: did you mean 'affected'? Run mainline --help (or mainline COMMAND --help) for usage\n",
    );
  });
});

describe('mainline why', () => {
  it('prints the chain from the changed file to the target', async () => {
    const repo = sampleRepo();
    repo.write({ 'libs/core/src/index.ts': 'export const core = 2;\n' });
    repo.commit('core');
    const result = await runCli(['why', 'properties/web', '--base', 'HEAD~1'], { cwd: repo.dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      [
        'properties/web is affected:',
        '  libs/core/src/index.ts changed',
        '  -> libs/core',
        '  -> libs/ui (depends on the line above)',
        '  -> properties/web (depends on the line above)',
        '',
      ].join('\n'),
    );
  });

  it('says why a target is not affected', async () => {
    const repo = sampleRepo();
    repo.write({ 'libs/core/test/core.test.ts': 'changed\n' });
    repo.commit('core test');
    const result = await runCli(['why', 'properties/web', '--base', 'HEAD~1'], { cwd: repo.dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('properties/web is not affected');
    expect(result.stdout).toContain('libs/core is affected only through its tests');
  });

  it('suggests a target for a typo, exit 2', async () => {
    const repo = sampleRepo();
    const result = await runCli(['why', 'libs/uj'], { cwd: repo.dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("did you mean 'libs/ui'?");
    // BUILD.json is read at the commit compared: a target only on disk needs --uncommitted.
    expect(result.stderr).toContain('A target only in your working tree needs --uncommitted.');
  });
});

describe('mainline graph', () => {
  it('prints JSON with layers, and dot', async () => {
    const repo = sampleRepo();
    const json = await runCli(['graph', '--json'], { cwd: repo.dir });
    expect(json.code).toBe(0);
    const graph = JSON.parse(json.stdout) as {
      layers: string[][];
      targets: { name: string; dependents: string[] }[];
    };
    expect(graph.layers.map((layer) => [...layer].sort())).toEqual([
      ['libs/core'],
      ['libs/api', 'libs/ui'],
      ['properties/web'],
    ]);
    expect(graph.targets.find((t) => t.name === 'libs/core')?.dependents.sort()).toEqual([
      'libs/api',
      'libs/ui',
    ]);
    const dot = await runCli(['graph', '--dot'], { cwd: repo.dir });
    expect(dot.stdout).toContain('"properties/web" -> "libs/ui";');
  });
});

describe('bad BUILD.json', () => {
  it('reports every problem with file:line:col and exits 2', async () => {
    const repo = sampleRepo();
    repo.write({
      'BUILD.json': [
        '{',
        '  "version": 1,',
        '  "targets": {',
        '    "a": { "kind": "lib", "srcs": ["a/**"], "deps": ["b"] },',
        '    "b": { "kind": "lib", "srcs": ["b/**"], "deps": ["a"], "colour": "red" },',
        '    "c": { "kind": "lib", "srcs": ["c/**"], "deps": ["nope"] }',
        '  }',
        '}',
        '',
      ].join('\n'),
    });
    const result = await runCli(['affected', '--uncommitted'], { cwd: repo.dir });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/BUILD\.json:5:\d+: error: .*colour/);
    expect(result.stderr).toMatch(/BUILD\.json:6:\d+: error: .*nope/);
    expect(result.stderr).toMatch(/a -> b -> a/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('prints the failure as the one JSON document --json promises', async () => {
    const repo = sampleRepo();
    repo.write({ 'BUILD.json': '{"version": 1, "targets": {"a": {"kind": "lib"}}}\n' });
    const invalid = await runCli(['graph', '--json'], { cwd: repo.dir });
    expect(invalid.code).toBe(2);
    expect(JSON.parse(invalid.stdout)).toMatchObject({
      error: {
        code: 'buildFileInvalid',
        hint: expect.any(String),
        diagnostics: [{ file: 'BUILD.json', line: 1, severity: 'error' }],
      },
    });
    expect(invalid.stderr).toMatch(/BUILD\.json:1:\d+: error/);
    const unknown = await runCli(['affected', '--json', '--base', 'nope'], { cwd: repo.dir });
    expect(JSON.parse(unknown.stdout)).toMatchObject({ error: { code: 'unknownRef' } });
    const usage = await runCli(['affected', '--json', '--bogus'], { cwd: repo.dir });
    expect(usage.code).toBe(2);
    expect(JSON.parse(usage.stdout)).toEqual({
      error: { code: 'usage', message: "unknown option '--bogus'" },
    });
  });

  it('reports malformed JSON with its position', async () => {
    const repo = sampleRepo();
    repo.write({ 'BUILD.json': '{\n  "version": 1,\n  "targets": {\n}\n' });
    const result = await runCli(['graph'], { cwd: repo.dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/BUILD\.json:\d+:\d+: error/);
  });
});
