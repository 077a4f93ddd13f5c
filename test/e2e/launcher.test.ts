import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createTempRepo, createWorkspaceRepo, runCli } from '../src/index.ts';

const cacheDir = fileURLToPath(new URL('../../properties/cli/dist/cache/', import.meta.url));
/** The Node launcher itself, which bin/mainline starts when the snapshot cannot serve. */
const launcher = fileURLToPath(new URL('../../properties/cli/bin/mainline.cjs', import.meta.url));

describe('the Node launcher', () => {
  it('runs from a per-command code cache, and replaces a broken one', async () => {
    const repo = createTempRepo({
      files: {
        'BUILD.json': '{"version":1,"targets":{"a":{"kind":"lib","srcs":["a/**"]}}}',
        'a/x': '',
      },
    });
    const cache = `${cacheDir}graph.v8`;
    mkdirSync(cacheDir, { recursive: true }); // the launcher makes it at the first run's exit
    writeFileSync(cache, 'not a code cache');
    const first = await runCli(['graph', '--json'], { cwd: repo.dir, bin: launcher });
    expect(first.code).toBe(0);
    expect(first.stderr).toBe('');
    const written = readFileSync(cache);
    expect(written.toString('latin1')).not.toBe('not a code cache');
    const made = statSync(cache).mtimeMs;
    const second = await runCli(['graph', '--json'], { cwd: repo.dir, bin: launcher });
    expect(second.stdout).toBe(first.stdout);
    // Accepted (made under the flags the program runs with), so not written again.
    expect(statSync(cache).mtimeMs).toBe(made);
  });

  it('builds from a code cache too, loading esbuild from code the cache holds', async () => {
    const repo = createWorkspaceRepo();
    const cache = `${cacheDir}build.v8`;
    const build = (target: string) =>
      runCli(['build', target, '--no-typecheck', '--json'], { cwd: repo.dir, bin: launcher });
    expect((await build('libs/a')).code).toBe(0);
    const made = statSync(cache).mtimeMs;
    // The cache now exists and is accepted: libs/b is built (by esbuild) from it.
    const second = await build('libs/b');
    expect(second.code).toBe(0);
    const statuses = (JSON.parse(second.stdout) as { builds: { status: string }[] }).builds;
    expect(statuses.map((b) => b.status)).toEqual(['cached', 'passed']);
    expect(statSync(cache).mtimeMs).toBe(made);
  });

  it('answers --version at once, the same version the program reports', async () => {
    const cliPackage = fileURLToPath(new URL('../../properties/cli/package.json', import.meta.url));
    const { version } = JSON.parse(readFileSync(cliPackage, 'utf8')) as { version: string };
    const cwd = createTempRepo().dir;
    expect((await runCli(['--version'], { cwd })).stdout).toBe(`${version}\n`);
    expect((await runCli(['-V'], { cwd })).stdout).toBe(`${version}\n`);
    // Through the argument parser (another argument first), the bundled version.
    expect((await runCli(['-C', cwd, '--version'], { cwd })).stdout).toBe(`${version}\n`);
  });

  it('maps stack traces to the TypeScript sources under --debug', async () => {
    const repo = createTempRepo({ files: { 'BUILD.json': '{"version":1,"targets":{}}' } });
    const result = await runCli(['affected', '--base', 'nope', '--debug'], { cwd: repo.dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/libs\/git\/src\/[a-z-]+\.ts:\d+/);
  });
});
