import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The report files a nightly writes into its `--report` folder (README, issue 13). */
export const nightlyReportFiles = ['nightly.json', 'junit.xml', 'summary.md', 'report.html'];

interface NightTarget {
  readonly name: string;
  readonly status: string;
  readonly build?: { readonly status?: string };
  readonly test?: { readonly status?: string; readonly tests?: readonly unknown[] };
}

/**
 * What every measured nightly must show on a repository whose targets are all green:
 * `status` passed, and each of the `targets` built afresh (`passed`, never `cached`) and
 * tested, `testsPerTarget` tests each, green or flaky. `stdout` is `mainline nightly
 * --json`: nightly.json's document. Returns a message for the first problem, or null.
 */
export function checkNightlyRun(
  stdout: string,
  targets: number,
  testsPerTarget: number,
): string | null {
  let doc: { status?: unknown; targets?: unknown };
  try {
    doc = JSON.parse(stdout) as typeof doc;
  } catch {
    return 'mainline nightly --json printed no JSON document';
  }
  if (doc.status !== 'passed') return `status ${String(doc.status)}, expected passed`;
  if (!Array.isArray(doc.targets)) return 'no targets in the JSON';
  const list = doc.targets as NightTarget[];
  if (list.length !== targets) return `${list.length} targets in the JSON, expected ${targets}`;
  const wrong = list.find(
    (t) =>
      (t.status !== 'green' && t.status !== 'flaky') ||
      t.build?.status !== 'passed' ||
      t.test?.tests?.length !== testsPerTarget,
  );
  if (wrong) {
    return (
      `${wrong.name}: ${wrong.status}, build ${wrong.build?.status}, ` +
      `${wrong.test?.tests?.length ?? 0} tests (expected green, built afresh, ${testsPerTarget} tests)`
    );
  }
  return null;
}

/** The report files missing from `dir`, or a nightly.json that does not parse. */
export function checkNightlyReports(dir: string): string | null {
  const missing = nightlyReportFiles.filter((file) => !existsSync(join(dir, file)));
  if (missing.length > 0) return `missing from ${dir}: ${missing.join(', ')}`;
  try {
    JSON.parse(readFileSync(join(dir, 'nightly.json'), 'utf8'));
  } catch (error) {
    return `${join(dir, 'nightly.json')} does not parse: ${String(error)}`;
  }
  return null;
}

/**
 * The seconds `mainline nightly` took to produce its reports, from its stderr line
 * `reports written 0.412 s after the run ended` (from the run's last result to the report
 * files written); null without that line.
 */
export function reportSeconds(stderr: string): number | null {
  const match = /^reports written (\d+(?:\.\d+)?) s after the run ended$/m.exec(stderr);
  return match ? Number(match[1]) : null;
}
