import { openStore } from '@mainline/store';
import { makeTempDir } from '@mainline/test-utils';
import { describe, expect, it } from 'vitest';
import { readDashboard, renderSnapshot } from '../src/index.ts';
import { groupBreakages } from '../src/read-dashboard.ts';
import { seedStore, sha } from './seed.ts';

describe('the dashboard read from a store', () => {
  it('shows trunk red since its breakage, the held-back culprit, the flake and the runs', () => {
    const store = openStore({ stateDir: makeTempDir('tui-store') });
    const { decisionId } = seedStore(store);
    const now = Date.now() + 5 * 60_000;
    const commits = new Map([
      [sha.culprit, { sha: sha.culprit, author: 'Ada', time: 2000, subject: 'break the parser' }],
    ]);
    const dashboard = readDashboard(store, { now, loop: { running: false }, commits });
    expect(dashboard.trunk).toMatchObject({
      tip: { sha: sha.tip, green: false },
      lastGreen: sha.green,
      loop: { running: false },
    });
    expect(dashboard.breakages).toEqual([
      expect.objectContaining({
        lastGreen: sha.green,
        firstRed: sha.tip,
        targets: ['libs/parser'],
        snoozedUntil: undefined,
      }),
    ]);
    expect(dashboard.candidates).toEqual([
      expect.objectContaining({
        decisionId,
        culprit: sha.culprit,
        author: 'Ada',
        confidence: 0.97,
        tests: 1,
        status: 'held',
        rule: 'daily-limit',
      }),
    ]);
    expect(dashboard.flaky).toEqual([
      expect.objectContaining({ target: 'libs/ui', rate: 0.5, runs: 2, mark: undefined }),
    ]);
    expect(
      dashboard.runs.map((run) => [run.label, run.status, run.passed, run.failed, run.flaky]),
    ).toEqual([
      ['nightly', 'passed', 1, 0, 1],
      ['trunk', 'failed', 1, 1, 0],
    ]);

    store.trunk.markTest('libs/ui', 'libs/ui/test/button.test.ts > clicks', 'quarantined');
    store.trunk.snoozeBreakage(dashboard.breakages[0]?.breakageIds[0] ?? 0, now + 60_000);
    const marked = readDashboard(store, { now, loop: { running: true, pid: 42 }, commits });
    expect(marked.flaky[0]?.mark).toBe('quarantined');
    expect(marked.breakages[0]?.snoozedUntil).toBe(now + 60_000);

    const text = renderSnapshot(marked, { width: 100, color: false });
    expect(text).toContain('red   at dddddddd docs');
    expect(text).toContain('loop running (pid 42)');
    expect(text).toContain('aaaaaaaa..dddddddd');
    expect(text).toMatch(/cccccccc Ada +97% +1 test +held: daily-limit +break the parser/);
    expect(text).toMatch(
      /50% +2 runs .* quarantined libs\/ui: libs\/ui\/test\/button.test.ts > clicks/,
    );
    expect(text).not.toContain('\x1b[');
    expect(renderSnapshot(marked, { width: 100, color: true })).toContain('\x1b[31m');
    store.close();
  });

  it('groups breakages by regression range; a group is snoozed only when all of it is', () => {
    const breakage = (id: number, target: string, lastGreen: string, snoozedUntil?: number) => ({
      id,
      target,
      lastGreen,
      firstRed: 'r',
      tests: [`${target} > t`],
      state: 'open' as const,
      openedAt: id,
      closedAt: undefined,
      search: undefined,
      snoozedUntil,
    });
    const groups = groupBreakages(
      [breakage(1, 'a', 'g', 50), breakage(2, 'b', 'g'), breakage(3, 'c', 'h', 50)],
      10,
    );
    expect(groups.map((g) => [g.targets, g.since, g.snoozedUntil])).toEqual([
      [['a', 'b'], 1, undefined],
      [['c'], 3, 50],
    ]);
    expect(groupBreakages([breakage(4, 'd', 'g', 5)], 10)[0]?.snoozedUntil).toBeUndefined();
  });
});
