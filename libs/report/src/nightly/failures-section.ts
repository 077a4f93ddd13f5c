import type { NightlyTarget } from '@mainline/nightly';
import { formatDuration } from '../durations.ts';
import { plural } from '../progress-reporter.ts';
import type { AnchorOf } from './graph-picture.ts';
import { type Html, html } from './html.ts';
import { clip, firstOf } from './page-format.ts';

/** Each red target with what failed (build errors, failing tests and their messages). */
export function failuresSection(targets: readonly NightlyTarget[], anchorOf: AnchorOf): Html {
  const red = targets.filter((target) => target.status === 'red');
  const skipped = targets.filter((target) => target.status === 'skipped');
  const body =
    red.length === 0
      ? html`<p class="quiet">No target is red.</p>`
      : red.map((target) => redTarget(target, anchorOf(target.name)));
  return html`<section id="red"><h2>Red targets <span class="quiet">(${red.length})</span></h2>${body}${skippedLine(skipped)}</section>`;
}

function redTarget(target: NightlyTarget, anchor: string | undefined): Html {
  const tests = target.test?.tests ?? [];
  const failing = tests.filter((test) => test.status === 'failed');
  const brokenFiles = target.test?.fileErrors ?? [];
  const buildFailed = target.build.status === 'failed';
  const what = [
    buildFailed ? 'the build failed' : '',
    failing.length > 0 ? `${plural(failing.length, 'test')} of ${tests.length} failed` : '',
    brokenFiles.length > 0 ? `${plural(brokenFiles.length, 'test file')} did not run` : '',
  ].filter((part) => part !== '');
  const time = target.build.durationMs + (target.test?.durationMs ?? 0);
  const buildMessages =
    buildFailed && target.build.messages.length > 0
      ? html`<pre>${clip(target.build.messages.join('\n'))}</pre>`
      : '';
  const { shown, more } = firstOf(failing, 20);
  const failures = shown.map(
    (test) =>
      html`<li><code>${test.file}</code> › <b>${test.name}</b>${test.attempts > 1 ? html` <span class="quiet">(${plural(test.attempts, 'attempt')})</span>` : ''}${test.message ? html`<pre>${clip(test.message)}</pre>` : ''}</li>`,
  );
  const fileErrors = brokenFiles.map(
    (error) =>
      html`<li><code>${error.file}</code> did not run<pre>${clip(error.message)}</pre></li>`,
  );
  const list =
    failures.length + fileErrors.length > 0
      ? html`<ul class="failures">${failures}${more > 0 ? html`<li class="quiet">and ${plural(more, 'more failing test')}</li>` : ''}${fileErrors}</ul>`
      : '';
  const none = what.length === 0 ? html`<p class="quiet">No failure detail was recorded.</p>` : '';
  return html`<article class="red-target"${anchor ? html` id="${anchor}"` : ''}><h3>${target.name} <span class="quiet">${target.kind}, ${formatDuration(time)}</span></h3>
<p>${what.join('; ')}</p>${none}${buildMessages}${list}</article>`;
}

function skippedLine(skipped: readonly NightlyTarget[]): Html | string {
  if (skipped.length === 0) return '';
  const { shown, more } = firstOf(skipped, 50);
  return html`<details><summary>${plural(skipped.length, 'target')} skipped: a dependency did not build</summary><p>${shown.map((target, i) => html`${i > 0 ? ', ' : ''}<code>${target.name}</code>`)}${more > 0 ? ` and ${more} more` : ''}</p></details>`;
}
