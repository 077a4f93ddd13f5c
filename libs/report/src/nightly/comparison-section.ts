import type { NightlyReport } from '@mainline/nightly';
import { formatDuration } from '../durations.ts';
import type { AnchorOf } from './graph-picture.ts';
import { type Html, html } from './html.ts';

/** Newly red, fixed, still red and newly flaky since the previous nightly. */
export function sinceLastNightSection(report: NightlyReport, anchorOf: AnchorOf): Html {
  if (!report.previous)
    return html`<section id="since"><h2>Since last night</h2><p class="quiet">The first nightly: nothing to compare with.</p></section>`;
  const { newlyRed, fixed, stillRed, newlyFlaky } = report.comparison;
  const names = (list: readonly string[]) =>
    list.length === 0
      ? html`<span class="quiet">none</span>`
      : list.map((name, i) => {
          const anchor = anchorOf(name);
          const code = html`<code>${name}</code>`;
          return html`${i > 0 ? ', ' : ''}${anchor ? html`<a href="#${anchor}">${code}</a>` : code}`;
        });
  const flaky =
    newlyFlaky.length === 0
      ? html`<span class="quiet">none</span>`
      : newlyFlaky.map(
          (test, i) =>
            html`${i > 0 ? '; ' : ''}<code>${test.target}</code> <code>${test.file}</code> › ${test.name}`,
        );
  return html`<section id="since"><h2>Since last night</h2><dl class="since">
<dt class="count-red">Newly red</dt><dd>${names(newlyRed)}</dd>
<dt class="count-green">Fixed</dt><dd>${names(fixed)}</dd>
<dt>Still red</dt><dd>${names(stillRed)}</dd>
<dt class="count-flaky">Newly flaky</dt><dd>${flaky}</dd>
</dl></section>`;
}

/** The slowest targets tonight and how their time moved since last night. */
export function slowestSection(report: NightlyReport): Html {
  const rows = report.comparison.slowest.map((entry) => {
    const moved =
      entry.previousMs === undefined
        ? html`<td class="quiet">new</td>`
        : movedCell(entry.durationMs, entry.previousMs);
    return html`<tr><td><code>${entry.target}</code></td><td class="num">${formatDuration(entry.durationMs)}</td><td class="num">${entry.previousMs === undefined ? '' : formatDuration(entry.previousMs)}</td>${moved}</tr>`;
  });
  const body =
    rows.length === 0
      ? html`<p class="quiet">No target took any time.</p>`
      : html`<table><thead><tr><th>Target (build and tests)</th><th class="num">Tonight</th><th class="num">Last night</th><th class="num">Moved</th></tr></thead><tbody>${rows}</tbody></table>`;
  return html`<section id="slowest"><h2>Slowest targets</h2>${body}</section>`;
}

function movedCell(now: number, before: number): Html {
  const delta = now - before;
  const ratio =
    before > 0
      ? ` (${delta >= 0 ? '+' : '−'}${Math.round((Math.abs(delta) / before) * 100)}%)`
      : '';
  const sign = delta >= 0 ? '+' : '−';
  // Marked when it is more than noise: a fifth slower and at least half a second.
  const slower = before > 0 && delta / before > 0.2 && delta >= 500;
  return html`<td class="num${slower ? ' slower' : ''}">${sign}${formatDuration(Math.abs(delta))}${ratio}</td>`;
}
