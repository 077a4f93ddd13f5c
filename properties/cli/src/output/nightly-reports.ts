import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MainlineError, type RunSummary } from '@mainline/core';
import { type NightlyReport, nightlyMarkdown } from '@mainline/nightly';
import { junitReport, renderNightlyHtml } from '@mainline/report';

/** The folder the reports go to, made now: one that cannot be is found before the run. */
export function reportFolder(dir: string): string {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw cannotWrite(dir, error, 'pass --report a folder you can write to');
  }
  return dir;
}

/**
 * The night's reports in `dir`: `nightly.json` (the report as data: what the HTML renders
 * and the next nightly compares with), `junit.xml` (every test case), `summary.md` (for a
 * CI job summary, appended to $GITHUB_STEP_SUMMARY when GitHub Actions sets it) and
 * `report.html` (self-contained: the page a person opens in the morning).
 */
export async function writeNightlyReports(
  dir: string,
  report: NightlyReport,
  summary: RunSummary,
  env: NodeJS.ProcessEnv,
): Promise<void> {
  const markdown = nightlyMarkdown(report);
  const files: [string, string][] = [
    ['nightly.json', `${JSON.stringify(report, null, 2)}\n`],
    ['junit.xml', await junitReport(summary)],
    ['summary.md', markdown],
    ['report.html', renderNightlyHtml(report)],
  ];
  reportFolder(dir);
  for (const [name, text] of files) {
    try {
      writeFileSync(join(dir, name), text);
    } catch (error) {
      throw cannotWrite(join(dir, name), error, 'check the disk space and the folder');
    }
  }
  const jobSummary = env.GITHUB_STEP_SUMMARY;
  if (env.GITHUB_ACTIONS === 'true' && jobSummary) appendFileSync(jobSummary, markdown);
}

function cannotWrite(path: string, error: unknown, hint: string): MainlineError {
  const reason = error instanceof Error ? error.message : String(error);
  return new MainlineError('reportFailed', `cannot write the nightly report ${path}: ${reason}`, {
    hint,
  });
}
