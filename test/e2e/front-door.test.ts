import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startupCommands } from '@mainline/git';
import { describe, expect, it } from 'vitest';
import { createChangedRepo, makeTempDir, runCli } from '../src/index.ts';

const cliDir = fileURLToPath(new URL('../../properties/cli/', import.meta.url));
const version = (
  JSON.parse(readFileSync(join(cliDir, 'package.json'), 'utf8')) as { version: string }
).version;
/** The `node` bin/mainline finds, as a shell finds it. */
const nodeOnPath = execFileSync('sh', ['-c', 'command -v node'], { encoding: 'utf8' }).trim();

/**
 * NODE_OPTIONS that make the CLI's Node write its own command-line flags, and the
 * NODE_EXTRA_CA_CERTS it started with, to a file.
 */
function recordFlags(): {
  env: Record<string, string>;
  flags: () => string[];
  extraCaCerts: () => string | undefined;
} {
  const dir = makeTempDir('flags');
  const report = join(dir, 'flags.json');
  const hook = join(dir, 'hook.cjs');
  writeFileSync(
    hook,
    `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(report)}, JSON.stringify({ flags: process.execArgv, ca: process.env.NODE_EXTRA_CA_CERTS })));`,
  );
  const read = (): { flags: string[]; ca?: string } => JSON.parse(readFileSync(report, 'utf8'));
  return {
    env: { NODE_OPTIONS: `--require ${hook}` },
    flags: () => read().flags,
    extraCaCerts: () => read().ca,
  };
}

/**
 * A `git` first on PATH that logs each run with the name of the process that started it
 * (`node` for the CLI; `mainline` for the front door), then runs the real git. `runs`
 * leaves out `cat-file`: the CLI's reading of a BUILD.json it has not compiled yet.
 */
function logGitRuns(): { env: Record<string, string>; runs: () => string[] } {
  const dir = makeTempDir('git-log');
  const log = join(dir, 'runs.log');
  const realGit = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
  writeFileSync(
    join(dir, 'git'),
    `#!/bin/sh\nread -r parent </proc/$PPID/comm\nprintf '%s %s\\n' "$parent" "$1" >>'${log}'\nexec '${realGit}' "$@"\n`,
  );
  chmodSync(join(dir, 'git'), 0o755);
  return {
    env: { PATH: `${dir}:${process.env.PATH ?? ''}` },
    runs: () =>
      (existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : []).filter(
        (run) => !run.endsWith(' cat-file'),
      ),
  };
}

/**
 * A `git` first on PATH that records the arguments of every run the front door itself
 * started (its parent is the `mainline` shell), then runs the real git.
 */
function recordFrontDoorGit(): { env: Record<string, string>; commands: () => string[][] } {
  const dir = makeTempDir('git-args');
  const log = join(dir, 'args.log');
  const realGit = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
  writeFileSync(
    join(dir, 'git'),
    `#!/bin/sh\nread -r parent </proc/$PPID/comm\nif [ "$parent" = mainline ]; then printf '%s\\0' "$@" >>'${log}'; printf '\\n' >>'${log}'; fi\nexec '${realGit}' "$@"\n`,
  );
  chmodSync(join(dir, 'git'), 0o755);
  return {
    env: { PATH: `${dir}:${process.env.PATH ?? ''}` },
    commands: () =>
      (existsSync(log) ? readFileSync(log, 'utf8').split('\0\n') : [])
        .filter((line) => line !== '')
        .map((line) => line.split('\0')),
  };
}

const affectedNames = (stdout: string): string[] =>
  (JSON.parse(stdout) as { affected: { name: string }[] }).affected.map((target) => target.name);

describe('bin/mainline, the front door', () => {
  it('answers --version without starting Node', async () => {
    // A `node` first on PATH that fails loudly: --version must not need it.
    const fakeBin = makeTempDir('fake-node');
    writeFileSync(join(fakeBin, 'node'), '#!/bin/sh\necho "node was started" >&2\nexit 99\n');
    chmodSync(join(fakeBin, 'node'), 0o755);
    const result = await runCli(['--version'], {
      cwd: fakeBin,
      env: { PATH: `${fakeBin}:${process.env.PATH ?? ''}` },
    });
    expect(result).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('starts the quick commands from the startup snapshot', async () => {
    const repo = createChangedRepo();
    const recorder = recordFlags();
    const result = await runCli(['affected', '--base', 'HEAD~1', '--json'], {
      cwd: repo.dir,
      env: recorder.env,
    });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).affected.map((t: { name: string }) => t.name)).toEqual(['a']);
    expect(recorder.flags()).toContain('--snapshot-blob');
  });

  it('starts the quick commands without the extra CA certificates Node would parse', async () => {
    // Node 20 reads NODE_EXTRA_CA_CERTS at start-up; affected, why and graph open no TLS
    // connection. Others keep it (test and build hand it to what they start: see
    // deferred-ca-certs.test.ts).
    const repo = createChangedRepo();
    const certs = join(makeTempDir('certs'), 'extra.pem');
    writeFileSync(certs, '');
    for (const args of [['affected', '--base', 'HEAD~1'], ['graph']]) {
      const recorder = recordFlags();
      const env = { ...recorder.env, NODE_EXTRA_CA_CERTS: certs };
      expect((await runCli(args, { cwd: repo.dir, env })).code).toBe(0);
      expect(recorder.extraCaCerts()).toBe('');
    }
    const other = recordFlags();
    const env = { ...other.env, NODE_EXTRA_CA_CERTS: certs };
    expect(
      (await runCli(['affected', '--base', 'HEAD~1', '--debug'], { cwd: repo.dir, env })).code,
    ).toBe(0);
    expect(other.extraCaCerts()).toBe(certs);
  });

  it('runs other commands, and --debug, through the Node launcher', async () => {
    const repo = createChangedRepo();
    const recorder = recordFlags();
    const result = await runCli(['affected', '--base', 'HEAD~1', '--debug'], {
      cwd: repo.dir,
      env: recorder.env,
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('a');
    expect(recorder.flags()).not.toContain('--snapshot-blob');
  });

  it('rebuilds a snapshot made by another Node, answering correctly meanwhile', async () => {
    // A copy of the installed CLI whose snapshot claims to come from another Node.
    const install = makeTempDir('install');
    for (const part of ['bin', 'dist', 'package.json']) {
      cpSync(join(cliDir, part), join(install, part), { recursive: true });
    }
    const dist = join(install, 'dist');
    writeFileSync(join(dist, 'quick.node'), '/elsewhere/bin/node\n');
    const bin = join(install, 'bin', 'mainline');
    const repo = createChangedRepo();

    const stale = recordFlags();
    const first = await runCli(['affected', '--base', 'HEAD~1', '--json'], {
      cwd: repo.dir,
      env: stale.env,
      bin,
    });
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout).affected).toHaveLength(1);
    expect(stale.flags()).not.toContain('--snapshot-blob');

    // Rebuilt in the background for the Node on PATH.
    await expect
      .poll(
        () =>
          existsSync(join(dist, 'quick.blob')) && readFileSync(join(dist, 'quick.node'), 'utf8'),
        {
          timeout: 30_000,
          interval: 100,
        },
      )
      .toBe(`${nodeOnPath}\n`);
    const fresh = recordFlags();
    const second = await runCli(['affected', '--base', 'HEAD~1', '--json'], {
      cwd: repo.dir,
      env: fresh.env,
      bin,
    });
    expect(second.stdout).toBe(first.stdout);
    expect(fresh.flags()).toContain('--snapshot-blob');
  });

  describe.runIf(existsSync('/proc/self/comm'))('asks git while Node starts', () => {
    it('answers the range and the diff, so the CLI runs no git itself', async () => {
      const repo = createChangedRepo();
      const explicit = logGitRuns();
      const result = await runCli(['affected', '--base', 'HEAD~1', '--json'], {
        cwd: repo.dir,
        env: explicit.env,
      });
      expect(affectedNames(result.stdout)).toEqual(['a']);
      expect(explicit.runs()).toEqual(['mainline rev-parse', 'mainline diff-tree']);

      // The default base, the trunk: its configured name is asked too.
      repo.git('checkout', '--quiet', '-b', 'feature', 'HEAD~1');
      repo.write({ 'a/y.ts': 'export {};' });
      repo.commit('on feature');
      const trunk = logGitRuns();
      const fromTrunk = await runCli(['why', 'a', '--json'], { cwd: repo.dir, env: trunk.env });
      expect(JSON.parse(fromTrunk.stdout)).toMatchObject({ affected: true });
      expect(trunk.runs()).toEqual(['mainline config', 'mainline rev-parse', 'mainline diff-tree']);
    });

    it('asks as the CLI would from a subfolder, and without GIT_* variables', async () => {
      const repo = createChangedRepo();
      const git = logGitRuns();
      // Inherited by the front door's git, GIT_DIR would point it at nothing. A multi-line
      // value has lines that look like variables.
      const env = {
        ...git.env,
        GIT_DIR: join(repo.dir, 'missing'),
        MULTI_LINE: 'a\nGIT_a b=1',
      };
      const result = await runCli(['affected', '--base', 'HEAD~1', '--json'], {
        cwd: join(repo.dir, 'a'),
        env,
      });
      expect(affectedNames(result.stdout)).toEqual(['a']);
      expect(git.runs()).toEqual(['mainline rev-parse', 'mainline diff-tree']);
    });

    it('streams a diff larger than a pipe holds', async () => {
      const repo = createChangedRepo();
      const files: Record<string, string> = {};
      // ~3,000 paths of ~40 bytes: about twice a 64 KiB pipe buffer.
      for (let i = 0; i < 3000; i++) files[`a/many/file-with-a-longish-name-${i}.ts`] = `${i}\n`;
      repo.write(files);
      repo.commit('many files');
      const git = logGitRuns();
      const result = await runCli(['affected', '--base', 'HEAD~1', '--json'], {
        cwd: repo.dir,
        env: git.env,
      });
      expect(JSON.parse(result.stdout).changedFiles).toHaveLength(3000);
      expect(git.runs()).toEqual(['mainline rev-parse', 'mainline diff-tree']);
    });

    it('asks the git on PATH, never a shell function of that name', async () => {
      const repo = createChangedRepo();
      const git = logGitRuns();
      const bin = join(cliDir, 'bin', 'mainline');
      // bash, as some systems' sh, imports exported functions from the environment.
      const output = execFileSync('bash', [bin, 'affected', '--base', 'HEAD~1', '--json'], {
        cwd: repo.dir,
        env: { ...process.env, ...git.env, 'BASH_FUNC_git%%': '() {  echo forged; }' },
        encoding: 'utf8',
      });
      expect(affectedNames(output)).toEqual(['a']);
      expect(git.runs()).toEqual(['bash rev-parse', 'bash diff-tree']); // by the front door
    });

    it('ignores answers it did not give, and a config value keeps its trailing newline', async () => {
      const repo = createChangedRepo();
      // A forged transcript on stdin, named by an inherited variable.
      const forged =
        'answer\n4\nrev-parse\n--show-toplevel\n--git-path\nindex\n0\n/forged\n.git/index\n\0';
      const inherited = await runCli(['affected', '--base', 'HEAD~1', '--json', '-C', '.'], {
        cwd: repo.dir,
        env: { MAINLINE_GIT_ANSWERS: '0' },
        input: forged,
      });
      expect(affectedNames(inherited.stdout)).toEqual(['a']);

      repo.git('branch', 'release', 'HEAD~1');
      repo.git('config', 'mainline.trunk', 'release\n');
      const answered = await runCli(['affected', '--json'], { cwd: repo.dir });
      const asked = await runCli(['affected', '--json', '-C', '.'], { cwd: repo.dir });
      expect(answered).toEqual(asked);
      expect(answered.code).toBe(2);
      expect(JSON.parse(answered.stdout)).toMatchObject({ error: { code: 'unknownRef' } });
    });

    it('lets the CLI ask again what it asks differently', async () => {
      const repo = createChangedRepo();
      repo.git('branch', 'develop', 'HEAD~1');
      repo.git('config', 'mainline.trunk', 'develop');
      const git = logGitRuns();
      const result = await runCli(['affected', '--json'], { cwd: repo.dir, env: git.env });
      // Compared with develop, not main (where nothing changed).
      expect(affectedNames(result.stdout)).toEqual(['a']);
      expect(git.runs()).toEqual([
        'mainline config',
        'mainline rev-parse',
        'node merge-base',
        'node diff-tree',
      ]);
      // An unknown ref: the front door's failed answer is not used; git's own message is.
      const unknown = await runCli(['affected', '--base', 'nope'], { cwd: repo.dir });
      expect(unknown.code).toBe(2);
      expect(unknown.stderr).toContain("unknown git revision 'nope'");
    });

    it('keeps stdin for the CLI, and does without one', async () => {
      const repo = createChangedRepo();
      const closed = execFileSync(
        'sh',
        ['-c', `"$0" affected --base HEAD~1 --json <&-`, join(cliDir, 'bin', 'mainline')],
        { cwd: repo.dir, encoding: 'utf8' },
      );
      expect(affectedNames(closed)).toEqual(['a']);
    });
  });

  it('asks git exactly the start-up commands libs/git defines (startupCommands)', async () => {
    const repo = createChangedRepo();
    const [head, base] = [repo.git('rev-parse', 'HEAD'), repo.git('rev-parse', 'HEAD~1')];
    const given = recordFrontDoorGit();
    const result = await runCli(['affected', '--base', 'HEAD~1', '--json'], {
      cwd: repo.dir,
      env: given.env,
    });
    expect(result.code).toBe(0);
    expect(given.commands()).toEqual([
      startupCommands.open({ base: 'HEAD~1', head: 'HEAD', paths: ['BUILD.json'] }),
      startupCommands.diff(base, head),
    ]);
    // From the trunk: its configured name is asked first.
    repo.git('branch', 'trunk-base', 'HEAD~1');
    repo.git('config', 'mainline.trunk', 'trunk-base');
    const trunk = recordFrontDoorGit();
    const fromTrunk = await runCli(['affected', '--json'], { cwd: repo.dir, env: trunk.env });
    expect(fromTrunk.code).toBe(0);
    expect(trunk.commands()[0]).toEqual(startupCommands.configGet('mainline.trunk'));
    expect(trunk.commands()[1]).toEqual(
      startupCommands.open({ base: 'refs/heads/main', head: 'HEAD', paths: ['BUILD.json'] }),
    );
  });
});
