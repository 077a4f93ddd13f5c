import type { RunEvent, RunEventBody, RunSummary } from '@mainline/core';
import { describe, expect, it } from 'vitest';
import {
  formatSummary,
  jsonReport,
  junitReport,
  plainStyle,
  progressReporter,
} from '../src/index.ts';

const summary: RunSummary = {
  command: 'test',
  status: 'failed',
  durationMs: 3210,
  builds: [
    { target: 'libs/a', status: 'cached', durationMs: 0, diagnostics: [] },
    {
      target: 'libs/b',
      status: 'failed',
      durationMs: 120,
      diagnostics: [
        {
          severity: 'error',
          file: 'libs/b/src/x.ts',
          line: 3,
          column: 7,
          message: "TS2322: Type 'string' is not assignable to type 'number'.",
        },
      ],
    },
    {
      target: 'properties/web',
      status: 'skipped',
      durationMs: 0,
      diagnostics: [],
      failedDep: 'libs/b',
    },
  ],
  tests: [
    {
      target: 'libs/a',
      status: 'failed',
      durationMs: 800,
      fileErrors: [],
      tests: [
        {
          file: 'libs/a/test/a.test.ts',
          name: 'adds > one',
          status: 'passed',
          durationMs: 2,
          attempts: 1,
        },
        {
          file: 'libs/a/test/a.test.ts',
          name: 'adds > zero & <more>',
          status: 'failed',
          durationMs: 3,
          attempts: 1,
          message: 'expected 1 to be 2 // Object.is equality\n\n- Expected\n+ Received',
          location: { file: 'libs/a/test/a.test.ts', line: 12, column: 5 },
        },
        {
          file: 'libs/a/test/a.test.ts',
          name: 'adds > retry',
          status: 'flaky',
          durationMs: 3,
          attempts: 2,
        },
      ],
    },
    {
      target: 'libs/b',
      status: 'skipped',
      durationMs: 0,
      fileErrors: [],
      tests: [],
      failedDep: 'libs/b',
    },
    { target: 'libs/c', status: 'cached', durationMs: 0, fileErrors: [], tests: [] },
  ],
};

describe('reports', () => {
  it('summarises failures with their locations, flaky tests and counts', () => {
    const text = formatSummary(summary, plainStyle);
    expect(text).toContain('FAILED libs/b (build)\n  libs/b/src/x.ts:3:7');
    expect(text).toContain("TS2322: Type 'string' is not assignable");
    expect(text).toContain(
      'FAILED libs/a (tests)\n  libs/a/test/a.test.ts:12  adds > zero & <more>',
    );
    expect(text).toContain('    expected 1 to be 2 // Object.is equality\n');
    expect(text).not.toContain('- Expected');
    expect(text).toContain('FLAKY  libs/a: adds > retry failed, then passed (2 attempts)');
    expect(text).toMatch(/failed: 3 targets tested, 1 passed \(1 cached\), 2 failed in 3\.2s\n$/);
  });

  it('shows why a test file did not load over its first lines', () => {
    const text = formatSummary(
      {
        ...summary,
        builds: [],
        tests: [
          {
            target: 'libs/a',
            status: 'failed',
            durationMs: 5,
            tests: [],
            fileErrors: [
              {
                file: 'libs/a/test/broken.test.ts',
                message:
                  'Transform failed with 1 error:\n\nlibs/a/test/broken.test.ts:3:7: ERROR: Expected ";" but found "x"\n',
              },
            ],
          },
        ],
      },
      plainStyle,
    );
    expect(text).toContain(
      'FAILED libs/a (tests)\n  libs/a/test/broken.test.ts: Transform failed with 1 error:\n    libs/a/test/broken.test.ts:3:7: ERROR: Expected ";" but found "x"\n',
    );
  });

  it('says which test a timed-out file was in and how to give it longer, and warns of a file without tests', () => {
    const text = formatSummary(
      {
        ...summary,
        builds: [],
        tests: [
          {
            target: 'libs/a',
            status: 'failed',
            durationMs: 5,
            tests: [],
            fileErrors: [
              {
                file: 'libs/a/test/stuck.test.ts',
                message:
                  "timed out: still running after 120 s, the file's limit; its worker was killed, in test 'loops'",
                reason: 'timeout',
                test: 'loops',
              },
            ],
          },
          {
            target: 'libs/b',
            status: 'passed',
            durationMs: 5,
            tests: [],
            fileErrors: [],
            warnings: [{ file: 'libs/b/test/empty.test.ts', message: 'declares no test' }],
          },
        ],
      },
      plainStyle,
    );
    expect(text).toContain(
      "FAILED libs/a (tests)\n  libs/a/test/stuck.test.ts: timed out: still running after 120 s, the file's limit; its worker was killed, in test 'loops'\n    hint: if it needs longer, raise its limit:",
    );
    expect(text).toContain('WARNING libs/b: libs/b/test/empty.test.ts: declares no test\n');
  });

  it('prints one progress line per build and tested target that ran, and counts cached ones', () => {
    const lines: string[] = [];
    const report = progressReporter((text) => lines.push(text), plainStyle);
    const bodies: RunEventBody[] = [
      {
        type: 'run-started',
        command: 'test',
        targets: ['libs/a'],
        builds: ['libs/a', 'libs/b', 'properties/web'],
        concurrency: 2,
      },
      { type: 'build-finished', result: summary.builds[0] as RunSummary['builds'][number] },
      { type: 'build-finished', result: summary.builds[1] as RunSummary['builds'][number] },
      { type: 'build-finished', result: summary.builds[2] as RunSummary['builds'][number] },
      { type: 'tests-started', targets: ['libs/a'], files: 1 },
      { type: 'test-finished', result: summary.tests[0] as RunSummary['tests'][number] },
      { type: 'test-finished', result: summary.tests[2] as RunSummary['tests'][number] },
      {
        type: 'test-finished',
        result: { target: 'libs/d', status: 'no-tests', durationMs: 0, tests: [], fileErrors: [] },
      },
      { type: 'run-finished', summary },
    ];
    for (const body of bodies) report(stamped(body));
    expect(lines.join('')).toBe(
      [
        'mainline test: 1 target and 2 deps, 2 jobs',
        '  build libs/b          FAILED  120ms  1 problem',
        '  build properties/web  skipped (libs/b failed)',
        '  build 1 target cached',
        '  test  1 file of 1 target in one vitest run',
        '  test  libs/a          FAILED  800ms  3 tests, 1 failed',
        '  test  1 target cached',
        '  test  1 target without tests',
        '',
      ].join('\n'),
    );
  });

  it('prints the summary as one JSON document', () => {
    const parsed = JSON.parse(jsonReport(summary, 7)) as { runId: number; status: string };
    expect(parsed).toMatchObject({ runId: 7, status: 'failed', command: 'test' });
  });

  it('writes JUnit XML with a suite per target, escaped names and failure messages', async () => {
    const xml = await junitReport(summary);
    expect(xml).toContain('<testsuite name="libs/a"');
    expect(xml).toContain('name="adds > zero &amp; &lt;more>"');
    expect(xml).toMatch(
      /<failure message="expected 1 to be 2[^"]*\(libs\/a\/test\/a\.test\.ts:12\)"/,
    );
    expect(xml).toContain('<testcase classname="libs/b" name="build"');
    expect(xml).toMatch(/<testcase classname="libs\/b" name="tests"[^>]*>\s*<skipped\/>/);
    // Times to the millisecond, every case with its file.
    expect(xml).toContain('<testsuite name="libs/a" time="0.8" tests="3"');
    expect(xml).not.toMatch(/time="\d+\.\d{4,}"/);
    expect(xml).toMatch(
      /<testcase classname="libs\/a\/test\/a\.test\.ts" name="[^"]*" time="[\d.]+" file="libs\/a\/test\/a\.test\.ts"/,
    );
  });
});

describe('targets without tests', () => {
  const noTests = (target: string): RunSummary['tests'][number] => ({
    target,
    status: 'no-tests',
    durationMs: 0,
    tests: [],
    fileErrors: [],
  });
  const passed: RunSummary['tests'][number] = {
    target: 'libs/a',
    status: 'passed',
    durationMs: 5,
    fileErrors: [],
    tests: [
      { file: 'libs/a/a.test.ts', name: 'adds', status: 'passed', durationMs: 1, attempts: 1 },
    ],
  };
  const run = (tests: RunSummary['tests']): RunSummary => ({
    command: 'test',
    status: 'passed',
    durationMs: 1200,
    builds: [],
    tests,
  });

  it('are never counted as passed: a run that tested nothing says so, never "passed"', () => {
    const nothing = run([noTests('libs/a'), noTests('libs/b')]);
    const text = formatSummary(nothing, plainStyle);
    expect(text).toBe('nothing tested: 2 targets have no tests in 1.2s\n');
    expect(text).not.toContain('passed');
    expect(formatSummary(run([noTests('libs/a')]), plainStyle)).toBe(
      'nothing tested: 1 target has no tests in 1.2s\n',
    );
    expect(formatSummary(run([passed, noTests('libs/b')]), plainStyle)).toBe(
      'passed: 1 target tested, 1 passed, 1 without tests in 1.2s\n',
    );
  });

  it('say no-tests in --json, with nothingTested when no test ran', () => {
    const parsed = JSON.parse(jsonReport(run([noTests('libs/a')]), 3)) as Record<string, unknown>;
    expect(parsed).toMatchObject({ nothingTested: true, tests: [{ status: 'no-tests' }] });
    const mixed = JSON.parse(jsonReport(run([passed, noTests('libs/b')]), 3)) as object;
    expect(mixed).not.toHaveProperty('nothingTested');
  });

  it('are a skipped case in JUnit, never a pass', async () => {
    const xml = await junitReport(run([noTests('libs/b')]));
    expect(xml).toMatch(
      /<testsuite name="libs\/b"[^>]*tests="1"[^>]*skipped="1"[\s\S]*<testcase classname="libs\/b" name="\(no tests\)"/,
    );
    expect(xml).toContain('<property name="reason" value="the target has no test file"/>');
  });
});

describe('GitHub Actions', () => {
  it('annotates each failure with file and line, escaping the runner way', async () => {
    const { githubAnnotations, githubJobSummary } = await import('../src/index.ts');
    const text = githubAnnotations(summary);
    expect(text).toContain(
      "::error file=libs/b/src/x.ts,line=3,col=7,title=libs/b build::TS2322: Type 'string' is not assignable to type 'number'.\n",
    );
    expect(text).toContain(
      '::error file=libs/a/test/a.test.ts,line=12,title=libs/a%3A adds > zero & <more>::expected 1 to be 2 // Object.is equality%0A%0A- Expected%0A+ Received\n',
    );
    expect(githubJobSummary(summary)).toContain('| `libs/a` | failed |');
  });
});

describe('live progress', () => {
  it('prints finished lines and redraws one status line under them', async () => {
    const { liveProgress } = await import('../src/index.ts');
    let output = '';
    let clock = 0;
    const live = liveProgress(
      (text) => (output += text),
      plainStyle,
      () => clock,
    );
    clock = 300;
    live.tick(); // before the plan: nothing to count yet
    expect(output).toBe('\r\x1b[2K… preparing · 300ms');
    live.onEvent(
      stamped({
        type: 'run-started',
        command: 'build',
        targets: ['libs/a', 'libs/b'],
        builds: ['libs/a', 'libs/b'],
        concurrency: 2,
      }),
    );
    live.onEvent(stamped({ type: 'build-started', target: 'libs/a' }));
    live.onEvent(stamped({ type: 'build-started', target: 'libs/b' }));
    clock = 1500;
    live.tick();
    expect(output.slice(output.lastIndexOf('\r'))).toBe(
      '\r\x1b[2K… build 0/2 done · running libs/a, libs/b · 1.5s',
    );
    live.onEvent(
      stamped({
        type: 'build-finished',
        result: { target: 'libs/a', status: 'failed', durationMs: 5, diagnostics: [] },
      }),
    );
    expect(output).toContain('\r\x1b[2K  build libs/a  FAILED  5ms\n');
    expect(output.slice(output.lastIndexOf('\r'))).toBe(
      '\r\x1b[2K… build 1/2 done · running libs/b · 1 failed · 1.5s',
    );
    live.stop();
    expect(output.endsWith('\r\x1b[2K')).toBe(true);
  });
});

/** An event as the engine sends it: stamped with its run and time. */
function stamped(body: RunEventBody): RunEvent {
  return { ...body, runId: 1, time: 0 };
}
