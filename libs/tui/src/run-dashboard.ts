import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { GitRepo } from '@mainline/git';
import type { Decision, Store } from '@mainline/store';
import { render } from 'ink';
import { createElement } from 'react';
import type { DashboardActions } from './actions.ts';
import { App } from './app.ts';
import { readDetails } from './details.ts';
import { liveDashboard } from './live-dashboard.ts';
import { renderSnapshot } from './snapshot.ts';

export interface RunDashboardOptions {
  readonly store: Store;
  /** The state folder (MAINLINE_HOME, else the repository's `.mainline`). */
  readonly state: string;
  /** The person's checkout: culprits are read from the loop's clone when there is one. */
  readonly root: string;
  /** Opens a repository (the CLI's GitRepo.open: libs/git stays out of the dashboard's bundle). */
  readonly openGit: (dir: string) => Promise<GitRepo>;
  /** `r`: the trunk loop's gated revert of a decision's culprit. */
  readonly revert: (decisionId: number) => Promise<Decision>;
  /** Draw the live screen (a terminal on both ends); else print one snapshot. */
  readonly interactive: boolean;
  readonly color: boolean;
  /** Of the snapshot. */
  readonly width: number;
  readonly write: (text: string) => void;
  readonly now: () => number;
}

/** `mainline tui`: the live screen until `q`, or one plain snapshot. Returns the exit code. */
export async function runDashboard(options: RunDashboardOptions): Promise<number> {
  const { store, now } = options;
  let repo: Promise<GitRepo | undefined> | undefined;
  const git = (): Promise<GitRepo | undefined> => {
    const clone = join(options.state, 'trunk', 'clone');
    repo ??= options.openGit(existsSync(clone) ? clone : options.root).catch(() => undefined);
    return repo;
  };
  const source = liveDashboard({ store, state: options.state, git, now });
  try {
    if (!options.interactive) {
      options.write(
        renderSnapshot(await source.named(), { width: options.width, color: options.color }),
      );
      return 0;
    }
    const actions: DashboardActions = {
      revert: (candidate) => options.revert(candidate.decisionId),
      markTest: (row, mark) => store.trunk.markTest(row.target, row.test, mark),
      snooze: (group, until) => {
        for (const id of group.breakageIds) store.trunk.snoozeBreakage(id, until);
      },
      details: (selection) => readDetails({ store, git, now }, selection),
    };
    const screen = render(createElement(App, { source, actions, now }), { exitOnCtrlC: true });
    await screen.waitUntilExit();
    return 0;
  } finally {
    source.stop();
  }
}
