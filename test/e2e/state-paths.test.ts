import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTempRepo, runCli } from '../src/index.ts';

describe('paths under the state folder', () => {
  it('builds targets a/b and a_b at once, each in its own staging and output folder', async () => {
    const repo = createTempRepo({
      files: {
        'BUILD.json': JSON.stringify({
          version: 1,
          targets: {
            'a/b': { kind: 'lib', srcs: ['a/b/**'] },
            a_b: { kind: 'lib', srcs: ['a_b/**'] },
          },
        }),
        'a/b/index.ts': "export const which = 'slash';\n",
        'a_b/index.ts': "export const which = 'underscore';\n",
      },
    });
    const result = await runCli(['build', '--all', '--no-typecheck', '-j', '2'], {
      cwd: repo.dir,
    });
    expect(result.code, result.stderr).toBe(0);
    const out = join(repo.dir, '.mainline', 'out');
    expect(readFileSync(join(out, 'a/b/index.js'), 'utf8')).toContain('slash');
    expect(readFileSync(join(out, 'a_b/index.js'), 'utf8')).toContain('underscore');
    // Staging folders are the run's own, and gone when it ends.
    expect(readdirSync(join(repo.dir, '.mainline', 'tmp'))).toEqual([]);
  });
});
