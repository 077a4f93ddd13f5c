import { type Html, html } from './html.ts';
import { statusOrder, type TargetStatus } from './target-groups.ts';

/** A target's status as the page words it. */
export const statusLabel: Readonly<Record<TargetStatus, string>> = {
  red: 'red',
  flaky: 'flaky',
  green: 'green',
  skipped: 'skipped',
  'no-tests': 'no tests',
};

/** What each colour of the picture means. */
export function graphLegend(): Html {
  return html`<p class="legend">${statusOrder.map(
    (status) =>
      html`<span><svg width="12" height="12"><rect width="12" height="12" class="s-${status}"/></svg> ${statusLabel[status]}</span>`,
  )}</p>`;
}
