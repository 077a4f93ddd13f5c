import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  betterSqlitePrebuild,
  checkoutVersionOf,
  configureForTests,
  createTempRepo,
  helperGitEnv,
  makeTempDir,
  npmInstall,
  packCli,
  runCli,
  type TempRepo,
} from '../src/index.ts';

/**
 * mainline as a user adopts it: `npm pack` of the CLI, installed as a dev dependency into a
 * fresh npm workspace that has nothing of this checkout, then run from its node_modules,
 * up to a real `git push` through the hook it installs. Packing and installing happen once
 * for the file (npm takes its packages from its cache when it has them).
 */
describe('the packed CLI installed into another repository', () => {
  let repo: TempRepo;
  let remote: string;
  let packedFiles: string[];
  const cli = (): string => join(repo.dir, 'node_modules/.bin/mainline');
  const run = (...args: string[]) =>
    runCli(args, { cwd: repo.dir, bin: cli(), timeoutMs: 120_000 });

  beforeAll(() => {
    const scratch = makeTempDir('packed');
    const packed = packCli(scratch);
    packedFiles = packed.files;
    betterSqlitePrebuild(join(scratch, 'prebuilds'));
    repo = createTempRepo({
      files: {
        '.gitignore': 'node_modules/\n.mainline/\n',
        'package.json': JSON.stringify({
          name: 'consumer',
          private: true,
          workspaces: ['packages/*'],
          devDependencies: {
            '@mainline/cli': `file:${packed.tarball}`,
            typescript: checkoutVersionOf('typescript'),
            vitest: checkoutVersionOf('vitest'),
          },
        }),
        'packages/a/package.json': manifest('@consumer/a', {}),
        'packages/a/src/index.ts': 'export const one = (): number => 1;\n',
        'packages/a/test/one.test.ts': testFile('one', '1'),
        'packages/b/package.json': manifest('@consumer/b', { '@consumer/a': '1.0.0' }),
        'packages/b/src/index.ts':
          "import { one } from '@consumer/a';\nexport const two = (): number => one() + 1;\n",
        'packages/b/test/two.test.ts': testFile('two', '2'),
      },
      commit: false,
    });
    npmInstall(repo.dir, join(scratch, 'prebuilds'));
    repo.commit('a workspace with mainline installed');
    remote = makeTempDir('remote');
    execFileSync('git', ['init', '--quiet', '--bare', remote], { env: helperGitEnv() });
    configureForTests(remote, { bare: true });
    repo.git('remote', 'add', 'origin', remote);
  }, 300_000);

  it('ships the bundle and the launchers, and no workspace package as a dependency', () => {
    expect(packedFiles).toEqual(
      expect.arrayContaining([
        'bin/mainline',
        'bin/mainline.cjs',
        'dist/main.cjs',
        'dist/test-host.cjs',
      ]),
    );
    expect(packedFiles.filter((f) => f.startsWith('src/') || f.includes('quick.blob'))).toEqual([]);
    const installed = JSON.parse(
      readFileSync(join(repo.dir, 'node_modules/@mainline/cli/package.json'), 'utf8'),
    ) as { dependencies: Record<string, string>; peerDependencies: Record<string, string> };
    const needed = { ...installed.dependencies, ...installed.peerDependencies };
    expect(Object.keys(needed).filter((name) => name.startsWith('@mainline/'))).toEqual([]);
  });

  it('the root package, installed from a git URL, needs what the CLI package needs', () => {
    const manifestOf = (path: string) =>
      JSON.parse(readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8')) as {
        dependencies: Record<string, string>;
        peerDependencies: Record<string, string>;
      };
    const [rootPackage, cliPackage] = [
      manifestOf('package.json'),
      manifestOf('properties/cli/package.json'),
    ];
    expect(rootPackage.dependencies).toEqual(cliPackage.dependencies);
    expect(rootPackage.peerDependencies).toEqual(cliPackage.peerDependencies);
  });

  it('runs init, affected and test from node_modules/.bin', async () => {
    const init = await run('init');
    expect(init.stdout).toContain(
      'wrote BUILD.json: 2 targets (1 property, 1 lib), 1 dep, 2 with tests',
    );
    expect(init.code).toBe(0);
    repo.commit('BUILD.json by mainline init');
    repo.write({ 'packages/a/src/index.ts': 'export const one = (): number => 2 - 1;\n' });
    repo.commit('change a');
    const affected = await run('affected', '--base', 'HEAD~1', '--json');
    expect(affected.stderr).toBe('');
    const names = (JSON.parse(affected.stdout) as { affected: { name: string }[] }).affected;
    expect(names.map((t) => t.name)).toEqual(['packages/a', 'packages/b']);
    const tested = await run('test', '--all');
    expect(tested.stdout).toContain('passed: 2 targets tested, 2 passed');
    expect(tested.code).toBe(0);
  });

  it('pushes through the hook it installs, and blocks a red push through the husky line', async () => {
    const installed = await run('hook', 'install');
    expect(installed.stderr).toContain('installed the pre-push hook');
    const green = push('main');
    expect(green.stderr).toContain('mainline prepush: refs/heads/main at');
    expect(green.code).toBe(0);
    expect(
      execFileSync('git', ['rev-parse', 'main'], { cwd: remote, encoding: 'utf8' }).trim(),
    ).toBe(repo.head());

    // husky runs .husky/pre-push from core.hooksPath: mainline prints the line to put there.
    await run('hook', 'uninstall');
    repo.write({ '.husky/pre-commit': 'exit 0\n' });
    const husky = await run('hook', 'install');
    const line = /add this line to \.husky\/pre-push:\n {2}(.+)\n/.exec(husky.stdout)?.[1];
    expect(line).toBe('node_modules/.bin/mainline prepush "$@"');
    repo.write({ '.husky/pre-push': `#!/bin/sh\n${line}\n` });
    chmodSync(join(repo.dir, '.husky/pre-push'), 0o755);
    repo.git('config', 'core.hooksPath', '.husky');
    repo.git('checkout', '--quiet', '-b', 'red');
    // A red test alone: the builds stay cached, so only b's tests run again.
    repo.write({ 'packages/b/test/two.test.ts': testFile('two', '3') });
    repo.commit('a red test in b');
    const red = push('red');
    expect(red.stderr).toContain('mainline prepush: push blocked, refs/heads/red is red');
    expect(red.stderr).toContain('FAILED packages/b (tests)');
    expect(red.code).not.toBe(0);
  });

  function push(branch: string): { code: number | null; stderr: string } {
    const pushed = spawnSync('git', ['push', 'origin', branch], {
      cwd: repo.dir,
      env: helperGitEnv(),
      encoding: 'utf8',
      timeout: 120_000,
    });
    return { code: pushed.status, stderr: pushed.stderr };
  }
});

function manifest(name: string, dependencies: Record<string, string>): string {
  return JSON.stringify({
    name,
    version: '1.0.0',
    type: 'module',
    exports: './src/index.ts',
    dependencies,
  });
}

function testFile(name: string, value: string): string {
  return `import { expect, it } from 'vitest';\nimport { ${name} } from '../src/index.ts';\nit('${name}', () => expect(${name}()).toBe(${value}));\n`;
}
