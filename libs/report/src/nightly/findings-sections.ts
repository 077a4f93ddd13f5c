import type { NightlyReport } from '@mainline/nightly';
import { plural } from '../progress-reporter.ts';
import { type Html, html } from './html.ts';
import { percent } from './page-format.ts';

/** Tests that failed then passed tonight or flake often, and which are listed for quarantine. */
export function flakySection(report: NightlyReport): Html {
  const threshold = percent(report.flakeThreshold);
  const quarantined = report.flakyTests.filter((test) => test.quarantine).length;
  const rows = report.flakyTests.map(
    (test) =>
      html`<tr${test.quarantine ? html` class="quarantine"` : ''}><td><code>${test.target}</code></td><td><code>${test.file}</code> › ${test.name}</td><td class="num">${percent(test.rate)} <span class="quiet">of ${test.results}</span></td><td>${test.flakyTonight ? 'flaky' : html`<span class="quiet">passed</span>`}${test.quarantine ? html` <span class="badge badge-flaky">quarantine</span>` : ''}</td></tr>`,
  );
  const body =
    rows.length === 0
      ? html`<p class="quiet">No test failed then passed tonight, and none flakes above ${threshold}.</p>`
      : html`<p>${plural(quarantined, 'test')} above the flake threshold of ${threshold} ${quarantined === 1 ? 'is' : 'are'} listed for quarantine. The rate counts nightly, trunk and local runs.</p>
<table><thead><tr><th>Target</th><th>Test</th><th class="num">Flaky rate</th><th>Tonight</th></tr></thead><tbody>${rows}</tbody></table>`;
  return html`<section id="flaky"><h2>Flaky tests <span class="quiet">(${report.flakyTests.length})</span></h2>${body}</section>`;
}

/** Fresh results that disagree with a cached result of the same key: an input the key misses. */
export function honestySection(report: NightlyReport): Html {
  const rows = report.cacheHonesty.map(
    (finding) =>
      html`<tr><td><code>${finding.target}</code></td><td>${finding.phase}</td><td>${finding.cached.status} <span class="quiet">(run #${finding.cached.runId})</span></td><td>${finding.fresh.status}</td><td>${finding.hint}<br><span class="quiet">key <code title="${finding.key}">${finding.key.slice(0, 12)}</code></span></td></tr>`,
  );
  const body =
    rows.length === 0
      ? html`<p class="quiet">Every fresh result agreed with the cached result of the same key.</p>`
      : html`<p>The same cache key gave a different result: the key misses an input of the build or test.</p>
<table><thead><tr><th>Target</th><th>Phase</th><th>Cached</th><th>Fresh</th><th>Suspect</th></tr></thead><tbody>${rows}</tbody></table>`;
  return html`<section id="honesty"><h2>Cache honesty <span class="quiet">(${report.cacheHonesty.length})</span></h2>${body}</section>`;
}
