import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createChangedRepo, makeTempDir, runCli } from '../src/index.ts';

const cliDir = fileURLToPath(new URL('../../properties/cli/', import.meta.url));
const version = (
  JSON.parse(readFileSync(join(cliDir, 'package.json'), 'utf8')) as { version: string }
).version;
/** The `node` bin/mainline finds, as a shell finds it. */
const nodeOnPath = execFileSync('sh', ['-c', 'command -v node'], { encoding: 'utf8' }).trim();

/** NODE_OPTIONS that make the CLI's Node write its own command-line flags to a file. */
function recordFlags(): { env: Record<string, string>; flags: () => string[] } {
  const dir = makeTempDir('flags');
  const report = join(dir, 'flags.json');
  const hook = join(dir, 'hook.cjs');
  writeFileSync(
    hook,
    `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(report)}, JSON.stringify(process.execArgv)));`,
  );
  return {
    env: { NODE_OPTIONS: `--require ${hook}` },
    flags: () => JSON.parse(readFileSync(report, 'utf8')) as string[],
  };
}

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
});
