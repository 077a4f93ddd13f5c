import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  type CliResult,
  cloneTemp,
  createWorkspaceRepo,
  gitSync,
  type JsonRun,
  runCli,
  selfSignedCert,
  startCacheServer,
  startTestNginxCache,
} from '../src/index.ts';

const statuses = (results: readonly { target: string; status: string }[]) =>
  Object.fromEntries(results.map((result) => [result.target, result.status]));

/** Every target of the workspace repository built here, none taken from a cache. */
const allBuilt = { 'libs/a': 'passed', 'libs/b': 'passed', 'properties/app': 'passed' };

const json = (result: CliResult): JsonRun => JSON.parse(result.stdout) as JsonRun;

describe('the remote cache, through nginx with WebDAV', () => {
  it('serves a second clone and a pre-push check every build and test; a damaged blob is rebuilt; a stopped server costs one warning', async () => {
    const nginx = await startTestNginxCache();
    // The URL comes from the repository's mainline.json, as a team would commit it.
    const repo = createWorkspaceRepo({
      'mainline.json': `${JSON.stringify({ remoteCache: { url: nginx.url } })}\n`,
    });
    const bare = cloneTemp(repo.dir, { bare: true });
    const run = (clone: string, args: string[]) =>
      runCli(args, { cwd: clone, timeoutMs: 120_000, env: { MAINLINE_REMOTE_CACHE: undefined } });

    const firstClone = cloneTemp(bare);
    const first = await run(firstClone, ['test', '--all', '--json']);
    expect(first.code).toBe(0);
    expect(statuses(json(first).builds)).toEqual(allBuilt);
    expect(first.stderr).toContain(`remote cache: 0 builds and 0 tests from ${nginx.url}\n`);

    // Another machine: nothing built, nothing tested, and it says where it all came from.
    const second = await run(cloneTemp(bare), ['test', '--all']);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain(`remote cache: 3 builds and 2 tests from ${nginx.url}\n`);
    expect(second.stderr).not.toContain('vitest run');
    expect(second.stderr).toContain('  build 3 targets cached\n');

    // A pre-push check of a change another machine tested checks out its commit and takes
    // every build and test from the remote.
    const developer = cloneTemp(bare);
    writeFileSync(join(firstClone, 'libs/a/src/extra.ts'), 'export const extra = 1;\n');
    gitSync(firstClone, ['add', '--all']);
    gitSync(firstClone, ['commit', '--quiet', '--message', 'extra']);
    expect((await run(firstClone, ['test', '--all'])).code).toBe(0);
    gitSync(firstClone, ['push', '--quiet', 'origin', 'HEAD:refs/heads/topic']);
    gitSync(developer, ['fetch', '--quiet', 'origin', 'topic']);
    const topic = gitSync(developer, ['rev-parse', 'FETCH_HEAD']).trim();
    const prepush = await runCli(['prepush', 'origin', 'url'], {
      cwd: developer,
      input: `refs/heads/topic ${topic} refs/heads/topic ${'0'.repeat(40)}\n`,
      timeoutMs: 120_000,
    });
    expect(prepush.code).toBe(0);
    expect(prepush.stderr).toContain('build 3 targets cached');
    expect(prepush.stderr).not.toContain('vitest run');

    // A blob whose bytes are not its name is never used: every target is built again.
    const blobs = readdirSync(join(nginx.root, 'cas'));
    expect(blobs.length).toBeGreaterThanOrEqual(3);
    for (const blob of blobs)
      writeFileSync(join(nginx.root, 'cas', blob), 'globalThis.pwned = 1;\n');
    const third = cloneTemp(bare);
    const damaged = await run(third, ['build', '--all', '--json']);
    expect(damaged.code).toBe(0);
    expect(statuses(json(damaged).builds)).toEqual(allBuilt);
    expect(damaged.stderr).toContain(`remote cache: 0 builds and 0 tests from ${nginx.url}\n`);
    const bundle = readFileSync(join(third, '.mainline/out/properties/app/src/main.js'), 'utf8');
    expect(bundle).not.toContain('pwned');

    // The server is down: one warning for the whole run, and the build passes.
    nginx.stop();
    const down = await run(cloneTemp(bare), ['build', '--all']);
    expect(down.code).toBe(0);
    const warning = `mainline: remote cache ${nginx.url} unreachable (ECONNREFUSED); using the local cache only\n`;
    expect(down.stderr.split(warning).length - 1).toBe(1);
    expect(down.stdout).not.toContain('remote cache:');
  });

  it('trusts NODE_EXTRA_CA_CERTS for an https cache (the front door defers it)', async () => {
    const { key, cert, certFile } = selfSignedCert();
    const server = await startCacheServer({ key, cert });
    const repo = createWorkspaceRepo();
    const build = (env: Record<string, string | undefined>) =>
      runCli(['build', 'libs/a'], {
        cwd: repo.dir,
        env: { MAINLINE_REMOTE_CACHE: server.url, ...env },
      });
    const untrusted = await build({ NODE_EXTRA_CA_CERTS: undefined });
    expect(untrusted.code).toBe(0);
    expect(untrusted.stderr).toContain(
      `mainline: remote cache ${server.url} unreachable (DEPTH_ZERO_SELF_SIGNED_CERT); using the local cache only\n`,
    );
    expect(server.entries.size).toBe(0);
    repo.write({ 'libs/a/src/extra.ts': 'export const extra = 1;\n' });
    const trusted = await build({ NODE_EXTRA_CA_CERTS: certFile });
    expect(trusted.code).toBe(0);
    expect(trusted.stderr).not.toContain('unreachable');
    expect(server.requests.filter((request) => request.method === 'PUT').length).toBeGreaterThan(0);
  });
});
