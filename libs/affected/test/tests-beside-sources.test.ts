import type { FileChange } from '@mainline/core';
import { TargetGraph } from '@mainline/graph';
import { OwnershipIndex, parseBuildFile } from '@mainline/workspace';
import { describe, expect, it } from 'vitest';
import { computeAffected } from '../src/index.ts';

/** libs/ui depends on libs/core, whose tests live beside its sources. */
function snapshot(core: { srcs: string[]; tests: string[] }) {
  const text = JSON.stringify({
    version: 1,
    targets: {
      'libs/core': { kind: 'lib', ...core },
      'libs/ui': { kind: 'lib', srcs: ['libs/ui/src/**'], deps: ['libs/core'] },
    },
  });
  const { workspace } = parseBuildFile(text, 'BUILD.json');
  return { workspace, owners: OwnershipIndex.build(workspace) };
}

function affected(changes: FileChange[], base: ReturnType<typeof snapshot>, head = base) {
  const graph = TargetGraph.fromTargets(head.workspace.targets.values());
  const outcome = computeAffected({ base, head: { ...head, graph }, changes });
  return Object.fromEntries(outcome.affected.map((target) => [target.name, target.reasons]));
}

const natural = snapshot({ srcs: ['libs/core/src/**'], tests: ['libs/core/src/**/*.test.ts'] });

describe('tests beside sources', () => {
  it('a test file both lists match is a test: its edit does not reach dependents', () => {
    expect(affected([{ path: 'libs/core/src/a.test.ts', status: 'M' }], natural)).toEqual({
      'libs/core': [{ type: 'file', path: 'libs/core/src/a.test.ts', role: 'test' }],
    });
    expect(Object.keys(affected([{ path: 'libs/core/src/a.ts', status: 'M' }], natural))).toEqual([
      'libs/core',
      'libs/ui',
    ]);
  });

  it('a negated srcs glob leaves the file to the tests alone', () => {
    const negated = snapshot({
      srcs: ['libs/core/src/**', '!libs/core/src/**/*.test.ts'],
      tests: ['libs/core/src/**/*.test.ts'],
    });
    expect(affected([{ path: 'libs/core/src/a.test.ts', status: 'M' }], negated)).toEqual({
      'libs/core': [{ type: 'file', path: 'libs/core/src/a.test.ts', role: 'test' }],
    });
  });

  it('a tests glob change that can move files out of the build reaches dependents', () => {
    const wider = snapshot({ srcs: ['libs/core/src/**'], tests: ['libs/core/src/**/*.ts'] });
    expect(affected([{ path: 'BUILD.json', status: 'M' }], natural, wider)).toEqual({
      'libs/core': [{ type: 'entry', part: 'build' }],
      'libs/ui': [{ type: 'dep', target: 'libs/core' }],
    });
    const apart = snapshot({ srcs: ['libs/core/src/**'], tests: ['libs/core/test/**'] });
    const moved = snapshot({ srcs: ['libs/core/src/**'], tests: ['libs/core/spec/**'] });
    expect(affected([{ path: 'BUILD.json', status: 'M' }], apart, moved)).toEqual({
      'libs/core': [{ type: 'entry', part: 'tests' }],
    });
  });
});
