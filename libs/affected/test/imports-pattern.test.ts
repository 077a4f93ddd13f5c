import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importedPackages, importPatternFor } from '../src/imports/index.ts';

const folder = mkdtempSync(join(tmpdir(), 'mainline-import-pattern-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** The lines of `text` that `git grep -E` selects with `pattern`, as the tool will run it. */
function grepLines(pattern: string, text: string): string[] {
  const file = join(folder, 'source.ts');
  writeFileSync(file, text);
  try {
    const out = execFileSync(
      'git',
      ['grep', '--no-index', '-h', '-E', '-e', pattern, '--', 'source.ts'],
      {
        cwd: folder,
        encoding: 'utf8',
      },
    );
    return out.split('\n').filter((line) => line !== '');
  } catch (error) {
    // git grep exits 1 when nothing matches.
    if ((error as { status?: number }).status === 1) return [];
    throw error;
  }
}

describe('importPatternFor', () => {
  it('builds one alternation, names sorted and de-duplicated', () => {
    expect(importPatternFor(['b', 'a', 'b'])).toBe(`['"\`](a|b)['"\`/]`);
  });

  it('escapes regex metacharacters in names', () => {
    expect(importPatternFor(['lodash.merge', 'c++', 'a$b'])).toBe(
      `['"\`](a\\$b|c\\+\\+|lodash\\.merge)['"\`/]`,
    );
  });

  it('selects, with git grep -E, every line that imports one of the packages', () => {
    const source = [
      "import merge from 'lodash.merge';",
      'import fp from "lodash/fp";',
      "import { x } from '@scope/pkg/sub';",
      'const c = require(`c++`);',
      'export * from "@scope/pkg";',
      "import {\n  y,\n} from 'lodash';",
    ].join('\n');
    const pattern = importPatternFor(['lodash.merge', 'lodash', '@scope/pkg', 'c++']);
    expect(grepLines(pattern, source)).toEqual([
      "import merge from 'lodash.merge';",
      'import fp from "lodash/fp";',
      "import { x } from '@scope/pkg/sub';",
      'const c = require(`c++`);',
      'export * from "@scope/pkg";',
      "} from 'lodash';",
    ]);
    // Every file the exact scanner finds an import in is selected by the pattern.
    expect(importedPackages(source)).toEqual(
      new Set(['lodash.merge', 'lodash', '@scope/pkg', 'c++']),
    );
  });

  it('does not select lines that only look alike', () => {
    const source = [
      "import a from 'lodashXmerge';",
      "import b from 'lodash.merge-extra';",
      "import c from 'my-lodash';",
      "import d from '@scope/pkg-two';",
      'const e = lodash.merge;',
      "import f from 'cc';",
    ].join('\n');
    expect(grepLines(importPatternFor(['lodash.merge', '@scope/pkg', 'c++']), source)).toEqual([]);
  });

  it('matches nothing for no packages', () => {
    const source = "import a from 'a';\n\n$.^\n";
    expect(grepLines(importPatternFor([]), source)).toEqual([]);
  });
});
