import type { NightlyReport } from '@mainline/nightly';
import { formatDuration } from '../durations.ts';
import { type Html, html } from './html.ts';
import { formatTime, shortCommit } from './page-format.ts';

/** What a person sees first: did last night pass, on which commit, and how many of each. */
export function headlineSection(report: NightlyReport): Html {
  const { counts } = report;
  const failed = report.status === 'failed';
  const previous = report.previous
    ? html`Compared with nightly #${report.previous.runId} at <code title="${report.previous.commit}">${shortCommit(report.previous.commit)}</code> (${formatTime(report.previous.startedAt)}).`
    : html`The first nightly: nothing to compare with.`;
  const tile = (count: number, word: string, status: string) =>
    html`<div class="tile count-${status}${count > 0 ? ' some' : ''}"><b>${count}</b>${word}</div>`;
  return html`<header>
<h1><span class="badge ${failed ? 'badge-red' : 'badge-green'}">${failed ? 'FAILED' : 'PASSED'}</span> Nightly #${report.runId}</h1>
<p>Commit <code title="${report.commit}">${shortCommit(report.commit)}</code>, started ${formatTime(report.startedAt)}, took ${formatDuration(report.durationMs)}. ${previous}</p>
<div class="tiles">
${tile(report.targets.length, 'targets', 'all')}${tile(counts.red, 'red', 'red')}${tile(counts.flaky, 'flaky', 'flaky')}${tile(counts.green, 'green', 'green')}${tile(counts.skipped, 'skipped', 'skipped')}${tile(counts.noTests, 'without tests', 'no-tests')}
</div>
<nav><a href="#since">Since last night</a> <a href="#red">Red targets</a> <a href="#graph">Target graph</a> <a href="#audit">Audit</a> <a href="#flaky">Flaky tests</a> <a href="#honesty">Cache honesty</a> <a href="#slowest">Slowest</a></nav>
</header>`;
}
