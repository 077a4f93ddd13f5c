import { loadCurrentWorkspace } from '@mainline/change';
import { createWorkspaceRepo, makeTempDir } from '@mainline/test-utils';
import { describe, expect, it } from 'vitest';
import { gatherAudit } from '../src/gather-audit.ts';
import type { NightlyTarget } from '../src/index.ts';

describe('the audit, gathered from git', () => {
  it("says nothing when the previous nightly's commit is gone (no change to explain with)", async () => {
    const repo = createWorkspaceRepo();
    const { workspace } = await loadCurrentWorkspace(repo.dir);
    const red: NightlyTarget = {
      name: 'libs/b',
      kind: 'lib',
      deps: ['libs/a'],
      status: 'red',
      build: { status: 'passed', durationMs: 1, messages: [] },
    };
    const previous = {
      runId: 1,
      commit: 'f'.repeat(40),
      startedAt: '2026-12-06T02:00:00.000Z',
      targets: new Map([['libs/b', { status: 'green' as const, durationMs: 1 }]]),
      flakyTests: [],
    };
    const place = { dir: repo.dir, env: {}, state: makeTempDir('state'), commit: repo.head() };
    expect(await gatherAudit(place, workspace, [red], previous, new Map())).toEqual([]);
    // The same commit: nothing changed, so a target turned red is unexplained.
    const same = await gatherAudit(
      place,
      workspace,
      [red],
      { ...previous, commit: repo.head() },
      new Map(),
    );
    expect(same).toEqual([
      {
        target: 'libs/b',
        suspicion: 'non-hermetic',
        changedFiles: [],
        undeclaredImports: [],
        unownedReads: [],
      },
    ]);
  });
});
