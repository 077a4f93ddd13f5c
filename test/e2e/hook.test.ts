import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTempRepo, helperGitEnv, makeTempDir, runCli } from '../src/index.ts';

/** One argument for sh. */
const shellQuote = (text: string): string => `'${text.replaceAll("'", "'\\''")}'`;

describe('mainline hook', () => {
  it('installs an executable pre-push hook, updates it in place, and removes it', async () => {
    const repo = createTempRepo({ commit: true });
    const hook = join(repo.dir, '.git/hooks/pre-push');
    const installed = await runCli(['hook', 'install'], { cwd: repo.dir });
    expect(installed.code).toBe(0);
    expect(installed.stderr).toContain(`installed the pre-push hook at ${hook}`);
    expect(readFileSync(hook, 'utf8')).toMatch(/^#!\/bin\/sh\n# mainline pre-push hook/);
    expect(statSync(hook).mode & 0o111).not.toBe(0);
    expect((await runCli(['hook', 'install'], { cwd: repo.dir })).stderr).toContain('updated');
    const removed = await runCli(['hook', 'uninstall'], { cwd: repo.dir });
    expect(removed.stderr).toContain("removed mainline's pre-push hook");
    expect(existsSync(hook)).toBe(false);
  });

  it("keeps someone else's hook, runs it first, and puts it back on uninstall", async () => {
    const repo = createTempRepo({ commit: true });
    const hook = join(repo.dir, '.git/hooks/pre-push');
    writeFileSync(hook, '#!/bin/sh\necho theirs\n', { mode: 0o755 });
    const installed = await runCli(['hook', 'install'], { cwd: repo.dir });
    expect(installed.stderr).toContain('the hook that was there runs first');
    expect(readFileSync(join(repo.dir, '.git/hooks/pre-push.before-mainline'), 'utf8')).toContain(
      'theirs',
    );
    await runCli(['hook', 'uninstall'], { cwd: repo.dir });
    expect(readFileSync(hook, 'utf8')).toBe('#!/bin/sh\necho theirs\n');
  });

  it('installs where core.hooksPath points, and leaves husky-managed hooks to husky', async () => {
    const repo = createTempRepo({ commit: true });
    repo.git('config', 'core.hooksPath', 'my-hooks');
    await runCli(['hook', 'install'], { cwd: repo.dir });
    expect(existsSync(join(repo.dir, 'my-hooks/pre-push'))).toBe(true);
    const husky = createTempRepo({ files: { '.husky/pre-commit': 'npm test\n' } });
    husky.git('config', 'core.hooksPath', '.husky/_');
    const result = await runCli(['hook', 'install'], { cwd: husky.dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      'add this line to .husky/pre-push:\n  node_modules/.bin/mainline prepush "$@"',
    );
    expect(existsSync(join(husky.dir, '.husky/_/pre-push'))).toBe(false);
  });

  it("runs the repository's own installed mainline when it has one, with git's arguments and refs", async () => {
    const repo = createTempRepo({ commit: true });
    const bare = makeTempDir('remote');
    execFileSync('git', ['init', '--quiet', '--bare', bare], { env: helperGitEnv() });
    repo.git('remote', 'add', 'origin', bare);
    await runCli(['hook', 'install'], { cwd: repo.dir });
    // A stand-in for node_modules/.bin/mainline that records how the hook called it.
    const record = join(makeTempDir('record'), 'call.txt');
    repo.write({
      'node_modules/.bin/mainline': `#!/bin/sh\n{ printf '%s\\n' "$*"; cat; } > ${shellQuote(record)}\n`,
    });
    chmodSync(join(repo.dir, 'node_modules/.bin/mainline'), 0o755);
    execFileSync('git', ['push', '--quiet', 'origin', 'main'], {
      cwd: repo.dir,
      env: helperGitEnv(),
      stdio: 'ignore',
    });
    const [args, refs] = readFileSync(record, 'utf8').split('\n');
    expect(args).toBe(`prepush origin ${bare}`);
    expect(refs).toBe(
      `refs/heads/main ${repo.git('rev-parse', 'HEAD')} refs/heads/main ${'0'.repeat(40)}`,
    );
  });
});
