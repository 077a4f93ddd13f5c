import type { Dashboard } from './dashboard.ts';
import { age, columns, count, duration, percent, shortSha } from './text.ts';

// The five panels as lines of text: the screen and the plain snapshot both draw these.

export const panelIds = ['trunk', 'breakages', 'candidates', 'flaky', 'runs'] as const;
export type PanelId = (typeof panelIds)[number];

export type Tone = 'red' | 'green' | 'yellow' | 'dim';

export interface PanelLine {
  readonly text: string;
  readonly tone?: Tone;
}

export interface Panel {
  readonly id: PanelId;
  readonly title: string;
  /** One line per item (the trunk panel: its facts); the selection moves over them. */
  readonly lines: readonly PanelLine[];
  /** What shows when there is nothing to list. */
  readonly empty: string;
}

export function panels(dashboard: Dashboard, width: number): Panel[] {
  return [
    trunkPanel(dashboard, width),
    breakagesPanel(dashboard, width),
    candidatesPanel(dashboard, width),
    flakyPanel(dashboard, width),
    runsPanel(dashboard, width),
  ];
}

function trunkPanel({ trunk, at }: Dashboard, width: number): Panel {
  const { tip, loop } = trunk;
  const lines: PanelLine[] =
    tip === undefined
      ? []
      : [
          {
            text: columns(
              [
                [tip.green ? 'green' : 'red', 5],
                [`at ${shortSha(tip.sha)}`, 11],
                [tip.subject, width],
              ],
              width,
            ),
            tone: tip.green ? 'green' : 'red',
          },
          {
            text: columns(
              [
                [`last green ${shortSha(trunk.lastGreen)}`, 20],
                [loop.running ? `loop running (pid ${loop.pid})` : 'loop not running', 28],
                [
                  trunk.lastRan === undefined ? '' : `last ran ${age(trunk.lastRan, at)} ago`,
                  width,
                ],
              ],
              width,
            ),
            tone: loop.running ? undefined : 'dim',
          },
        ];
  return { id: 'trunk', title: 'trunk', lines, empty: 'no trunk loop has run here yet' };
}

function breakagesPanel({ breakages, at }: Dashboard, width: number): Panel {
  return {
    id: 'breakages',
    title: `breakages (${breakages.length})`,
    lines: breakages.map((group) => ({
      text: columns(
        [
          [`${shortSha(group.lastGreen)}..${shortSha(group.firstRed)}`, 18],
          [`${age(group.since, at)} ago`, 8],
          [count(group.tests.length, 'test'), 9],
          [
            `${group.snoozedUntil === undefined ? '' : `snoozed ${age(at, group.snoozedUntil)} `}${group.targets.join(' ')}`,
            width,
          ],
        ],
        width,
      ),
      tone: group.snoozedUntil === undefined ? 'red' : 'dim',
    })),
    empty: 'trunk is not broken',
  };
}

function candidatesPanel({ candidates }: Dashboard, width: number): Panel {
  return {
    id: 'candidates',
    title: `revert candidates (${candidates.length})`,
    lines: candidates.map((c) => ({
      text: columns(
        [
          [shortSha(c.culprit), 8],
          [c.author ?? '?', 12],
          [percent(c.confidence), 4],
          [count(c.tests, 'test'), 8],
          [
            c.status === 'held'
              ? `held: ${c.rule ?? '?'}`
              : c.status === 'reverted'
                ? `reverted ${shortSha(c.revertSha)}`
                : 'verifying',
            24,
          ],
          [c.subject ?? '', width],
        ],
        width,
      ),
      tone: c.status === 'reverted' ? 'green' : c.status === 'held' ? 'yellow' : undefined,
    })),
    empty: 'no culprit named',
  };
}

function flakyPanel({ flaky, at }: Dashboard, width: number): Panel {
  return {
    id: 'flaky',
    title: `flaky tests (${flaky.length})`,
    lines: flaky.map((row) => ({
      text: columns(
        [
          [percent(row.rate), 4],
          [`${row.runs} runs`, 9],
          [row.lastSeen === undefined ? '' : `${age(row.lastSeen, at)} ago`, 8],
          [row.mark ?? '', 11],
          [`${row.target}: ${row.test}`, width],
        ],
        width,
      ),
      tone: row.mark === 'quarantined' ? 'dim' : undefined,
    })),
    empty: 'no flaky test seen',
  };
}

function runsPanel({ runs, at }: Dashboard, width: number): Panel {
  return {
    id: 'runs',
    title: 'recent runs',
    lines: runs.map((run) => ({
      text: columns(
        [
          [run.label, 8],
          [`${age(run.startedAt, at)} ago`, 9],
          [run.status, 11],
          [run.durationMs === undefined ? '' : duration(run.durationMs), 7],
          [
            [
              `${run.passed} passed`,
              run.failed > 0 ? `${run.failed} failed` : '',
              run.flaky > 0 ? `${run.flaky} flaky` : '',
              run.cached > 0 ? `${run.cached} cached` : '',
            ]
              .filter((part) => part !== '')
              .join(', '),
            width,
          ],
        ],
        width,
      ),
      tone:
        run.status === 'failed' || run.status === 'error'
          ? 'red'
          : run.status === 'passed'
            ? undefined
            : 'dim',
    })),
    empty: 'no run recorded',
  };
}
