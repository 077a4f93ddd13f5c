import { describe, expect, it } from 'vitest';
import { createTempRepo, createWorkspaceRepo, runCli } from '../src/index.ts';

// Small things a first trial on a real repository hit (issue 12, point 8).
describe('the command line, as a new user meets it', () => {
  it('refuses --base beside --all or target names: it would be ignored', async () => {
    const repo = createTempRepo({
      files: { 'BUILD.json': '{"version":1,"targets":{"a":{"kind":"lib","srcs":["a/**"]}}}' },
    });
    for (const [args, other, hint] of [
      [['test', '--all', '--base', 'HEAD'], '--all', 'drop --base to run every target'],
      [['build', 'a', '--base', 'HEAD'], 'target names', 'drop --base to run the targets named'],
    ] as const) {
      const result = await runCli(args, { cwd: repo.dir });
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toContain(
        `mainline: --base cannot be used with ${other}: it chooses the affected targets\n`,
      );
      expect(result.stderr).toContain(`hint: ${hint}, or drop ${other} to run what changed`);
    }
  });

  it('lists the actions of hook in its help', async () => {
    const help = await runCli(['hook', '--help'], { cwd: process.cwd() });
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/install: put the hook where git runs hooks/);
    expect(help.stdout.replace(/\s+/g, ' ')).toContain('(choices: "install", "uninstall")');
  });

  it("takes a package's npm name for its target in why", async () => {
    const repo = createWorkspaceRepo();
    repo.write({
      'libs/a/src/index.ts':
        'export function add(x: number, y: number): number {\n  return y + x;\n}\n',
    });
    repo.commit('change a');
    const byName = await runCli(['why', '@fx/app', '--base', 'HEAD~1', '--json'], {
      cwd: repo.dir,
    });
    expect(byName.code, byName.stderr).toBe(0);
    expect(JSON.parse(byName.stdout)).toMatchObject({
      affected: true,
      target: 'properties/app',
      chain: ['libs/a', 'libs/b', 'properties/app'],
    });
    const unknown = await runCli(['why', '@fx/nope', '--base', 'HEAD~1'], { cwd: repo.dir });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("mainline: no target named '@fx/nope'");
  });

  it('says how to start when there is no BUILD.json, in one sentence', async () => {
    const repo = createTempRepo({ files: { 'README.md': 'hello\n' } });
    repo.write({ 'README.md': 'hello again\n' });
    repo.commit('edit');
    const result = await runCli(['affected', '--base', 'HEAD~1'], { cwd: repo.dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'hint: mainline reads the targets from a BUILD.json at the repository root: write one with mainline init, or by hand (see the README for its format); mainline reads BUILD.json from the commit it compares',
    );
  });
});
