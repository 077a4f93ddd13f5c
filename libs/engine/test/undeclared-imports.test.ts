import { createWorkspaceRepo, makeTempDir } from '@mainline/test-utils';
import { describe, expect, it } from 'vitest';
import { undeclaredImports } from '../src/index.ts';

describe('undeclaredImports', () => {
  it("finds an import of another target's file in a test helper, which builds and tests do not check", async () => {
    const repo = createWorkspaceRepo({
      // libs/a's tests borrow from libs/b through a helper that is no test file.
      'libs/a/test/helper.ts': "export { three } from '../../b/src/index.ts';\n",
    });
    const found = await undeclaredImports(
      { cwd: repo.dir, env: {}, state: makeTempDir('engine-state') },
      ['libs/a', 'libs/b'],
    );
    expect(found.get('libs/a')).toEqual([
      expect.objectContaining({
        file: 'libs/a/test/helper.ts',
        line: 1,
        specifier: '../../b/src/index.ts',
        owner: 'libs/b',
      }),
    ]);
    expect(found.get('libs/b')).toEqual([]);
  });
});
