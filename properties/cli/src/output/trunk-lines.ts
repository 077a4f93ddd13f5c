import type { Decision } from '@mainline/store';
import type { TrunkEvent, TrunkStatus } from '@mainline/trunk';
import type { Io } from '../io.ts';
import type { Style } from './style.ts';

const short = (sha: string | undefined): string => (sha === undefined ? '?' : sha.slice(0, 12));

/** Writes each event of the trunk loop to stderr (see renderTrunkEvent). */
export function trunkEventsTo(io: Io, style: Style): (event: TrunkEvent) => void {
  return (event) => {
    const line = renderTrunkEvent(event, style);
    if (line !== undefined) io.stderr(line);
  };
}

/** One line (or none) on stderr per event of the trunk loop. */
export function renderTrunkEvent(event: TrunkEvent, style: Style): string | undefined {
  switch (event.type) {
    case 'fetched':
      return `trunk at ${short(event.tip)}: ${event.newCommits} new commit${event.newCommits === 1 ? '' : 's'}\n`;
    case 'fetch-failed':
      return `${style.yellow('fetch failed')}: ${event.message}; trying again in ${event.retryInSeconds}s\n`;
    case 'tested': {
      const red =
        event.red.length === 0
          ? ''
          : `, ${style.red(`${event.red.length} red`)} (${event.red.join(', ')})`;
      const cached = event.cached ? ' (cached)' : '';
      return `tested ${short(event.commit)} (${event.commits} commit${event.commits === 1 ? '' : 's'}): ${event.green.length} green${red}${cached}\n`;
    }
    case 'breakage':
      return `${style.red(`breakage #${event.id}`)}: ${event.target} red at ${short(event.firstRed)} (last green ${short(event.lastGreen)}): ${event.tests.length} failing (${event.tests.slice(0, 3).join('; ')})\n`;
    case 'fixed':
      return `${style.green(`breakage #${event.id}`)}: ${event.target} green again at ${short(event.at)}\n`;
    case 'search-step':
      return `  search #${event.breakage} ${event.target} at ${short(event.commit)}: ${event.failed.length} failed, ${event.passed.length} passed (${event.why})\n`;
    case 'decision':
      return `${decisionLine(event.decision, style)}\n`;
    case 'on-decision-failed':
      return `${style.yellow('on-decision failed')}: ${event.message}\n`;
    case 'run':
      return undefined;
  }
}

function decisionLine(decision: Decision, style: Style): string {
  const culprit = decision.culprit === undefined ? '' : ` ${short(decision.culprit)}`;
  const confidence =
    decision.confidence === undefined ? '' : ` (confidence ${decision.confidence.toFixed(4)})`;
  const kind =
    decision.kind === 'reverted'
      ? style.green('reverted')
      : decision.kind === 'candidate'
        ? style.yellow(`candidate [${decision.rule ?? '?'}]`)
        : decision.kind;
  return `decision #${decision.id} ${decision.target}:${culprit} ${kind}${confidence}: ${decision.detail}`;
}

/** `mainline trunk status` for a person. */
export function renderTrunkStatus(status: TrunkStatus, style: Style): string {
  const lines: string[] = [];
  if (status.tip === undefined) {
    lines.push('trunk: not tested yet (run mainline trunk --once)');
  } else {
    const state = status.tip.green ? style.green('green') : style.red('red');
    lines.push(`trunk: ${state} at ${short(status.tip.sha)} ${status.tip.subject}`);
  }
  lines.push('', `open breakages: ${status.breakages.length}`);
  const snoozed = new Set(status.snoozed.map((b) => b.id));
  for (const b of status.breakages) {
    const asleep =
      snoozed.has(b.id) && b.snoozedUntil !== undefined
        ? `, snoozed until ${new Date(b.snoozedUntil).toISOString()}`
        : '';
    lines.push(
      `  #${b.id} ${b.target}: red since ${short(b.firstRed)} (range ${short(b.lastGreen)}..${short(b.firstRed)}), ${new Date(b.openedAt).toISOString()}, ${b.state}${asleep}`,
    );
  }
  const section = (title: string, decisions: readonly Decision[]) => {
    lines.push('', `${title}: ${decisions.length}`);
    for (const d of decisions.slice(0, 20)) lines.push(`  ${decisionLine(d, style)}`);
  };
  section('culprits', status.culprits);
  section('revert candidates', status.candidates);
  section('reverts', status.reverts);
  lines.push('', `flaky tests: ${status.flaky.length}`);
  for (const f of status.flaky.slice(0, 20)) {
    lines.push(`  ${f.target}: ${f.test} fails ${(f.rate * 100).toFixed(1)}% of ${f.runs} runs`);
  }
  lines.push('', `marked tests: ${status.marks.length}`);
  for (const m of status.marks) {
    lines.push(`  ${m.target}: ${m.test}: ${m.mark} since ${new Date(m.markedAt).toISOString()}`);
  }
  return `${lines.join('\n')}\n`;
}
