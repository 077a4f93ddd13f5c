import type { NightlyReport } from '@mainline/nightly';
import { auditSection } from './audit-section.ts';
import { sinceLastNightSection, slowestSection } from './comparison-section.ts';
import { failuresSection } from './failures-section.ts';
import { flakySection, honestySection } from './findings-sections.ts';
import { graphPicture } from './graph-picture.ts';
import { headlineSection } from './headline-section.ts';
import { html } from './html.ts';
import { shortCommit } from './page-format.ts';
import { pageStyle } from './page-style.ts';

/**
 * `report.html`: the nightly as one self-contained page. Style and pictures are inline, the
 * graph is laid out here, and the page runs no script; its Content-Security-Policy lets it
 * fetch nothing, so it opens offline and no string from the report can load or run anything.
 */
export function renderNightlyHtml(report: NightlyReport): string {
  // Red targets have their details on the page; the picture and the lists link to them.
  const anchors = new Map<string, string>();
  report.targets.forEach((target, index) => {
    if (target.status === 'red') anchors.set(target.name, `t${index}`);
  });
  const anchorOf = (name: string) => anchors.get(name);
  const title = `Nightly #${report.runId} ${report.status === 'failed' ? 'FAILED' : 'passed'} at ${shortCommit(report.commit)}`;
  return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
${pageStyle}</head><body>
${headlineSection(report)}
${sinceLastNightSection(report, anchorOf)}
${failuresSection(report.targets, anchorOf)}
${graphPicture(report.targets, anchorOf)}
${auditSection(report.audit, anchorOf)}
${flakySection(report)}
${honestySection(report)}
${slowestSection(report)}
</body></html>
`.toString();
}
