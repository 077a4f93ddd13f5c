import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createWorkspaceRepo, makeTempDir, runCli } from '../src/index.ts';

describe('the CA bundle of NODE_EXTRA_CA_CERTS under test and build', () => {
  it("is not parsed by mainline's Node, and the tests it starts get it back", async () => {
    const dir = makeTempDir('certs');
    const certs = join(dir, 'extra.pem');
    writeFileSync(certs, '');
    // What the launcher's Node found at its start, before any of mainline's code ran.
    const seen = join(dir, 'seen.json');
    const hook = join(dir, 'hook.cjs');
    writeFileSync(
      hook,
      `if (/mainline\\.cjs$/.test(process.argv[1] ?? '')) require('node:fs').writeFileSync(${JSON.stringify(seen)}, JSON.stringify({ ca: process.env.NODE_EXTRA_CA_CERTS ?? null }));`,
    );
    const repo = createWorkspaceRepo({
      'libs/a/test/env.test.ts': `import { expect, it } from 'vitest';\n\nit('has the CA bundle', () => {\n  expect(process.env.NODE_EXTRA_CA_CERTS).toBe(${JSON.stringify(certs)});\n  expect(process.env.MAINLINE_DEFERRED_CA_CERTS).toBeUndefined();\n});\n`,
    });
    const env = { NODE_EXTRA_CA_CERTS: certs, NODE_OPTIONS: `--require ${hook}` };
    const result = await runCli(['test', 'libs/a', '--json'], { cwd: repo.dir, env });
    expect(result.stderr).not.toContain('has the CA bundle');
    expect(result.code).toBe(0);
    const tests = JSON.parse(result.stdout).tests as { target: string; tests: unknown[] }[];
    expect(tests.find((test) => test.target === 'libs/a')?.tests).toHaveLength(2);
    expect(JSON.parse(readFileSync(seen, 'utf8'))).toEqual({ ca: null });
  });
});
