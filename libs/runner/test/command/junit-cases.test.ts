import { describe, expect, it } from 'vitest';
import { readJunit } from '../../src/command/junit-cases.ts';

describe('readJunit', () => {
  it('reads jest-junit as mainline configures it: suites in the classname, a file per case', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="jest tests" tests="3" failures="1">
  <testsuite name="math" tests="3">
    <testcase classname="math &gt; nested" name="adds" time="0.019" file="/repo/libs/a/a.test.js"></testcase>
    <testcase classname="math" name="fails" time="0.025" file="/repo/libs/a/a.test.js">
      <failure>Error: expect(received).toBe(expected) // Object.is equality

Expected: 3
Received: 2
    at Object.toBe (/repo/libs/a/a.test.js:4:39)</failure>
    </testcase>
    <testcase classname="" name="top level" time="0.002" file="/repo/libs/a/a.test.js"/>
  </testsuite>
</testsuites>`;
    const read = readJunit(xml);
    expect(read).toEqual({
      ok: true,
      cases: [
        {
          name: 'math > nested > adds',
          file: '/repo/libs/a/a.test.js',
          status: 'passed',
          durationMs: 19,
        },
        {
          name: 'math > fails',
          file: '/repo/libs/a/a.test.js',
          status: 'failed',
          durationMs: 25,
          message:
            'expect(received).toBe(expected) // Object.is equality\n\nExpected: 3\nReceived: 2',
          details: expect.stringContaining('at Object.toBe (/repo/libs/a/a.test.js:4:39)'),
        },
        // A test outside any describe: jest-junit's suite is named after the file's first one.
        {
          name: 'top level',
          file: '/repo/libs/a/a.test.js',
          status: 'passed',
          durationMs: 2,
        },
      ],
    });
  });

  it("reads jest-junit's default names, node --test's nesting, skips and bare failures", () => {
    const xml = `<testsuites>
  <testsuite name="outer"><testsuite name="inner">
    <testcase name="deep" classname="test"><skipped/></testcase>
  </testsuite></testsuite>
  <testsuite name="math"><testcase classname="math adds" name="math adds"/></testsuite>
  <testcase name="top" classname="test"><failure/></testcase>
  <testcase name="errs"><error message="boom">stack</error></testcase>
</testsuites>`;
    const read = readJunit(xml);
    expect(
      read.ok && read.cases.map(({ name, status, message }) => ({ name, status, message })),
    ).toEqual([
      { name: 'top', status: 'failed', message: 'failed' },
      { name: 'errs', status: 'failed', message: 'boom' },
      { name: 'outer > inner > deep', status: 'skipped', message: undefined },
      { name: 'math adds', status: 'passed', message: undefined },
    ]);
  });

  it('says where a report is not XML; a report without cases has none', () => {
    expect(readJunit('<testsuites><testcase name="a"></testsuites>')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/line 1\)$/),
    });
    expect(readJunit('<testsuites/>')).toEqual({ ok: true, cases: [] });
    expect(readJunit('<?xml version="1.0"?>\n<testsuite name="x" tests="0"></testsuite>')).toEqual({
      ok: true,
      cases: [],
    });
  });
});
