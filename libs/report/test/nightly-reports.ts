import type { NightlyReport, NightlyTarget, NightlyTestCase } from '@mainline/nightly';

/** Markup that must reach the page as text: it would load an image and run a script. */
export const hostile = `<img src="https://example.invalid/x.png" onerror="document.title='pwned'"><script>document.body.append('PWN'+'ED')</script>&amp;'"`;

function passing(file: string, name: string): NightlyTestCase {
  return { file, name, status: 'passed', durationMs: 3, attempts: 1 };
}

function target(
  name: string,
  status: NightlyTarget['status'],
  deps: readonly string[],
  tests: readonly NightlyTestCase[] = [passing(`${name}/test/a.test.ts`, 'works')],
): NightlyTarget {
  const buildFailed = status === 'skipped' ? 'skipped' : 'built';
  return {
    name,
    kind: name.startsWith('properties/') ? 'property' : 'lib',
    deps,
    status,
    build: { status: buildFailed, durationMs: 120, messages: [] },
    ...(status === 'no-tests' || status === 'skipped'
      ? {}
      : {
          test: {
            status: status === 'red' ? 'failed' : 'passed',
            durationMs: 900,
            tests,
            fileErrors: [],
          },
        }),
  };
}

/** A small night with one of everything: red, flaky, green, skipped, untested, findings. */
export function sampleNightly(): NightlyReport {
  const hostileTarget = `libs/${hostile}`;
  const targets: NightlyTarget[] = [
    target('libs/core', 'green', []),
    target(
      'libs/money',
      'red',
      ['libs/core'],
      [
        passing('libs/money/test/add.test.ts', 'adds'),
        {
          file: 'libs/money/test/round.test.ts',
          name: 'rounds half to even',
          status: 'failed',
          durationMs: 4,
          attempts: 3,
          message:
            'AssertionError: expected 0.125 to be 0.12 // Object.is equality\n\n- Expected\n+ Received\n\n- 0.12\n+ 0.125',
        },
      ],
    ),
    {
      ...target('libs/ledger', 'red', ['libs/money']),
      build: {
        status: 'failed',
        durationMs: 80,
        messages: [
          "libs/ledger/src/post.ts:3:7 TS2322: Type 'string' is not assignable to type 'number'.",
        ],
      },
      test: undefined,
    },
    target(
      'libs/clock',
      'flaky',
      ['libs/core'],
      [
        {
          file: 'libs/clock/test/tick.test.ts',
          name: 'ticks',
          status: 'flaky',
          durationMs: 50,
          attempts: 2,
        },
      ],
    ),
    target(
      hostileTarget,
      'red',
      ['libs/core'],
      [
        {
          file: `libs/x/test/${hostile}.test.ts`,
          name: hostile,
          status: 'failed',
          durationMs: 1,
          attempts: 1,
          message: hostile,
        },
      ],
    ),
    target('libs/docs', 'no-tests', []),
    target('properties/web', 'skipped', ['libs/ledger', 'libs/clock']),
    target('properties/api', 'green', ['libs/money', 'libs/clock']),
    target('tools', 'green', ['libs/core']),
  ];
  return {
    version: 1,
    runId: 42,
    commit: '3f9c2a1b7d4e5f60718293a4b5c6d7e8f9012345',
    startedAt: '2026-12-07T03:00:04.000Z',
    durationMs: 184_000,
    status: 'failed',
    previous: {
      runId: 37,
      commit: '9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a291807',
      startedAt: '2026-12-06T03:00:02.000Z',
    },
    targets,
    counts: { red: 3, flaky: 1, green: 3, skipped: 1, noTests: 1 },
    flakyTests: [
      {
        target: 'libs/clock',
        file: 'libs/clock/test/tick.test.ts',
        name: 'ticks',
        rate: 0.18,
        results: 22,
        flakyTonight: true,
        quarantine: true,
      },
      {
        target: hostileTarget,
        file: hostile,
        name: hostile,
        rate: 0.04,
        results: 25,
        flakyTonight: false,
        quarantine: false,
      },
    ],
    flakeThreshold: 0.1,
    comparison: {
      newlyRed: ['libs/money', hostileTarget],
      fixed: ['properties/api'],
      stillRed: ['libs/ledger'],
      newlyFlaky: [{ target: 'libs/clock', file: 'libs/clock/test/tick.test.ts', name: 'ticks' }],
      slowest: [
        { target: 'properties/api', durationMs: 5200, previousMs: 3100 },
        { target: 'libs/money', durationMs: 1200, previousMs: 1300 },
        { target: hostileTarget, durationMs: 900 },
      ],
    },
    cacheHonesty: [
      {
        target: 'libs/clock',
        phase: 'test',
        key: '5b1e0c7a9d3f2e4b6a8c0d1e2f3a4b5c',
        cached: { status: 'passed', runId: 40 },
        fresh: { status: 'failed' },
        hint: `a test read a file its key does not cover: ${hostile}`,
      },
    ],
    audit: [
      {
        target: 'libs/money',
        suspicion: 'missing-edge',
        changedFiles: [
          { path: 'libs/rates/src/table.ts', owners: ['libs/rates'], distance: null },
          { path: 'docs/notes.md', owners: [], distance: null },
        ],
        undeclaredImports: [
          {
            file: 'libs/money/src/round.ts',
            imported: '../../rates/src/table.ts',
            owner: 'libs/rates',
          },
        ],
        unownedReads: ['fixtures/rates.json'],
      },
    ],
  };
}

/**
 * The sample night grown to `size` targets: the rest in a few folders (`libs/<team>/<name>`
 * and `properties/<name>`), each depending on up to three earlier ones, a few red, flaky or
 * skipped. A night at scale that still has one of everything.
 */
export function largeNightly(size: number): NightlyReport {
  const sample = sampleNightly();
  const teams = [
    'billing',
    'search',
    'identity',
    'catalog',
    'shipping',
    'growth',
    'platform',
    'data',
  ];
  const generated: NightlyTarget[] = [];
  for (let i = 0; generated.length + sample.targets.length < size; i++) {
    const property = i % 10 === 9;
    const name = property ? `properties/app-${i}` : `libs/${teams[i % teams.length]}/module-${i}`;
    const deps = [i - 1, i - 7, i - 50].flatMap((d) =>
      d >= 0 && d % 10 !== 9 ? [generated[d]?.name ?? ''] : [],
    );
    const status: NightlyTarget['status'] =
      i === 120 || i === 640
        ? 'red'
        : i % 97 === 5
          ? 'flaky'
          : i % 61 === 7
            ? 'skipped'
            : i % 13 === 4
              ? 'no-tests'
              : 'green';
    const failing: NightlyTestCase = {
      file: `${name}/test/a.test.ts`,
      name: 'works',
      status: 'failed',
      durationMs: 2,
      attempts: 1,
      message: 'expected 2 to be 3',
    };
    generated.push(target(name, status, deps, status === 'red' ? [failing] : undefined));
  }
  const targets = [...sample.targets, ...generated];
  const count = (status: NightlyTarget['status']) =>
    targets.filter((t) => t.status === status).length;
  const newlyRed = generated.filter((t) => t.status === 'red').map((t) => t.name);
  return {
    ...sample,
    targets,
    counts: {
      red: count('red'),
      flaky: count('flaky'),
      green: count('green'),
      skipped: count('skipped'),
      noTests: count('no-tests'),
    },
    comparison: { ...sample.comparison, newlyRed: [...sample.comparison.newlyRed, ...newlyRed] },
  };
}
