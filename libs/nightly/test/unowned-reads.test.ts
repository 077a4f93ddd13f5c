import { OwnershipIndex, parseBuildFile } from '@mainline/workspace';
import { describe, expect, it } from 'vitest';
import { unownedReads } from '../src/unowned-reads.ts';

describe('unownedReads', () => {
  it('keeps the reads no target owns and that are no global input', () => {
    const { workspace } = parseBuildFile(
      JSON.stringify({
        version: 1,
        globalInputs: ['tsconfig.base.json'],
        targets: {
          'libs/a': { kind: 'lib', srcs: ['libs/a/src/**'], tests: ['libs/a/test/**'] },
          'libs/b': { kind: 'lib', srcs: ['libs/b/src/**'] },
        },
      }),
      'BUILD.json',
    );
    const reads = [
      'fixtures/expected.txt',
      'libs/a/test/data.json',
      'libs/b/src/index.ts',
      'libs/b/test/data.json',
      'tsconfig.base.json',
    ];
    expect(unownedReads(reads, OwnershipIndex.build(workspace))).toEqual([
      'fixtures/expected.txt',
      'libs/b/test/data.json',
    ]);
  });
});
