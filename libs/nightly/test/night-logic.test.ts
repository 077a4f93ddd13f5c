import { describe, expect, it } from 'vitest';
import {
  auditCandidates,
  auditFinding,
  compareNights,
  flakeRate,
  flakyTestLines,
  foldStatus,
  honestyFindings,
  type NightlyTarget,
  type PreviousNight,
  undirectedDistances,
} from '../src/index.ts';

function target(name: string, status: NightlyTarget['status'], durationMs = 100): NightlyTarget {
  return {
    name,
    kind: 'lib',
    deps: [],
    status,
    build: { status: status === 'red' ? 'failed' : 'passed', durationMs, messages: [] },
  };
}

function previousNight(statuses: Record<string, NightlyTarget['status']>): PreviousNight {
  return {
    runId: 1,
    commit: 'c1',
    startedAt: '2026-12-06T02:00:00.000Z',
    targets: new Map(
      Object.entries(statuses).map(([name, status]) => [name, { status, durationMs: 50 }]),
    ),
    flakyTests: [{ target: 'libs/f', file: 'libs/f/test/f.test.ts', name: 'old flake' }],
  };
}

describe('a night folded per target', () => {
  it('is red on a red build or red tests, skipped when not built, flaky on a flaky test', () => {
    expect(foldStatus('failed', 'skipped')).toBe('red');
    expect(foldStatus('passed', 'failed')).toBe('red');
    expect(foldStatus('skipped', 'skipped')).toBe('skipped');
    expect(foldStatus('passed', 'flaky')).toBe('flaky');
    expect(foldStatus('passed', 'no-tests')).toBe('no-tests');
    expect(foldStatus('passed', 'passed')).toBe('green');
    expect(foldStatus(undefined, undefined)).toBe('skipped');
  });
});

describe('the comparison with the previous nightly', () => {
  it('says newly red, fixed, still red and newly flaky, and the slowest with last time', () => {
    const tonight = [
      target('libs/a', 'red', 300),
      target('libs/b', 'green', 200),
      target('libs/c', 'red', 100),
      target('libs/d', 'skipped', 0),
      target('libs/new', 'red', 10),
    ];
    const flaky = [
      { target: 'libs/f', file: 'libs/f/test/f.test.ts', name: 'old flake' },
      { target: 'libs/b', file: 'libs/b/test/b.test.ts', name: 'new flake' },
    ];
    const comparison = compareNights(
      tonight,
      flaky,
      previousNight({ 'libs/a': 'green', 'libs/b': 'red', 'libs/c': 'red', 'libs/d': 'red' }),
    );
    expect(comparison).toMatchObject({
      newlyRed: ['libs/a', 'libs/new'],
      fixed: ['libs/b'],
      stillRed: ['libs/c'],
      newlyFlaky: [flaky[1]],
    });
    expect(comparison.slowest.slice(0, 2)).toEqual([
      { target: 'libs/a', durationMs: 300, previousMs: 50 },
      { target: 'libs/b', durationMs: 200, previousMs: 50 },
    ]);
    expect(comparison.slowest.find((s) => s.target === 'libs/new')).toEqual({
      target: 'libs/new',
      durationMs: 10,
    });
  });

  it('has nothing to compare on the first night but the slowest targets', () => {
    const comparison = compareNights([target('libs/a', 'red')], [], undefined);
    expect(comparison.newlyRed).toEqual([]);
    expect(comparison.slowest).toEqual([{ target: 'libs/a', durationMs: 100 }]);
  });
});

describe('cache honesty', () => {
  const base = { target: 'libs/a', key: 'k1' } as const;
  it('reports a fresh result of the same key that contradicts the cached one, either way', () => {
    const findings = honestyFindings([
      {
        ...base,
        phase: 'test',
        cached: { status: 'passed', runId: 3 },
        fresh: { status: 'failed', key: 'k1' },
      },
      {
        ...base,
        phase: 'build',
        cached: { status: 'failed', runId: 2 },
        fresh: { status: 'passed', key: 'k1' },
      },
    ]);
    expect(findings.map((f) => [f.phase, f.cached.status, f.cached.runId, f.fresh.status])).toEqual(
      [
        ['test', 'passed', 3, 'failed'],
        ['build', 'failed', 2, 'passed'],
      ],
    );
    expect(findings[0]?.hint).toMatch(/test key misses an input/);
  });

  it('takes no flaky result, no agreement, no other key and no missing side as a contradiction', () => {
    expect(
      honestyFindings([
        {
          ...base,
          phase: 'test',
          cached: { status: 'flaky', runId: 3 },
          fresh: { status: 'failed', key: 'k1' },
        },
        {
          ...base,
          phase: 'test',
          cached: { status: 'passed', runId: 3 },
          fresh: { status: 'flaky', key: 'k1' },
        },
        {
          ...base,
          phase: 'test',
          cached: { status: 'passed', runId: 3 },
          fresh: { status: 'passed', key: 'k1' },
        },
        {
          ...base,
          phase: 'test',
          cached: { status: 'passed', runId: 3 },
          fresh: { status: 'failed', key: 'k2' },
        },
        { ...base, phase: 'test', cached: undefined, fresh: { status: 'failed', key: 'k1' } },
        { ...base, phase: 'test', cached: { status: 'passed', runId: 3 }, fresh: undefined },
      ]),
    ).toEqual([]);
  });
});

describe('the audit', () => {
  it('takes the targets red tonight, green last night, and not affected', () => {
    const tonight = [
      target('libs/a', 'red'),
      target('libs/b', 'red'),
      target('libs/c', 'red'),
      target('libs/d', 'green'),
      target('libs/e', 'red'),
    ];
    const previous = previousNight({
      'libs/a': 'green',
      'libs/b': 'flaky',
      'libs/c': 'red',
      'libs/d': 'green',
      'libs/e': 'green',
    });
    expect(auditCandidates(tonight, previous, new Set(['libs/e']))).toEqual(['libs/a', 'libs/b']);
  });

  it('lists the changed files nearest to the target in the graph first, unowned and unreachable last', () => {
    // app -> b -> a, app -> c; z stands alone.
    const deps = new Map<string, readonly string[]>([
      ['app', ['b', 'c']],
      ['b', ['a']],
      ['a', []],
      ['c', []],
      ['z', []],
    ]);
    expect(undirectedDistances(deps, 'a')).toEqual(
      new Map([
        ['a', 0],
        ['b', 1],
        ['app', 2],
        ['c', 3],
      ]),
    );
    const finding = auditFinding('a', deps, {
      changedFiles: [
        { path: 'notes.txt', owners: [] },
        { path: 'z/x.ts', owners: ['z'] },
        { path: 'c/x.ts', owners: ['c'] },
        { path: 'app/x.ts', owners: ['app'] },
      ],
      undeclaredImports: [],
      unownedReads: [],
    });
    expect(finding.changedFiles.map((f) => [f.path, f.distance])).toEqual([
      ['app/x.ts', 2],
      ['c/x.ts', 3],
      ['notes.txt', null],
      ['z/x.ts', null],
    ]);
    expect(finding.suspicion).toBe('missing-edge');
  });

  it('suspects a non-hermetic input when only files no target owns changed', () => {
    const finding = auditFinding('a', new Map([['a', []]]), {
      changedFiles: [{ path: 'data/flag.txt', owners: [] }],
      undeclaredImports: [],
      unownedReads: [],
    });
    expect(finding.suspicion).toBe('non-hermetic');
  });
});

describe('flake rates', () => {
  const test = (name: string) => ({ target: 'libs/a', file: 'libs/a/test/a.test.ts', name });
  it('is flaky results over the results that say something', () => {
    expect(flakeRate({ test: test('t'), passed: 7, failed: 1, flaky: 2 })).toBe(0.2);
    expect(flakeRate({ test: test('t'), passed: 0, failed: 0, flaky: 0 })).toBe(0);
  });

  it('lists tonight’s flaky tests and those above the threshold, quarantined first', () => {
    const lines = flakyTestLines(
      [test('tonight, rare')],
      [
        { test: test('tonight, rare'), passed: 19, failed: 0, flaky: 1 },
        { test: test('often'), passed: 5, failed: 0, flaky: 5 },
        { test: test('seldom'), passed: 19, failed: 0, flaky: 1 },
      ],
      0.1,
    );
    expect(lines.map((l) => [l.name, l.rate, l.results, l.flakyTonight, l.quarantine])).toEqual([
      ['often', 0.5, 10, false, true],
      ['tonight, rare', 0.05, 20, true, false],
    ]);
  });
});
