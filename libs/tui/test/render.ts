import { type Decision, openStore, type Store } from '@mainline/store';
import { makeTempDir } from '@mainline/test-utils';
import { render } from 'ink-testing-library';
import { createElement } from 'react';
import { onTestFinished } from 'vitest';
import { type DashboardActions, liveDashboard, readDetails } from '../src/index.ts';
import { App } from '../src/app.ts';
import { seedStore } from './seed.ts';

export interface Screen {
  readonly store: Store;
  readonly frame: () => string;
  readonly press: (keys: string) => void;
  /** Waits (bounded) until the frame contains `text`, and returns the frame. */
  readonly waitFor: (text: string | RegExp) => Promise<string>;
  readonly reverts: number[];
}

/**
 * The screen over a seeded store in a temporary state folder, with the real store actions;
 * `r` answers `revertWith` (the real revert runs in the tmux end-to-end test).
 */
export function renderScreen(
  options: { size?: { columns: number; rows: number }; revertWith?: (id: number) => Decision } = {},
): Screen {
  const state = makeTempDir('tui-screen');
  const store = openStore({ stateDir: state });
  seedStore(store);
  const now = Date.now;
  const source = liveDashboard({ store, state, git: async () => undefined, now });
  const reverts: number[] = [];
  const actions: DashboardActions = {
    revert: async (candidate) => {
      reverts.push(candidate.decisionId);
      if (options.revertWith === undefined) throw new Error('no revert here');
      return options.revertWith(candidate.decisionId);
    },
    markTest: (row, mark) => store.trunk.markTest(row.target, row.test, mark),
    snooze: (group, until) => {
      for (const id of group.breakageIds) store.trunk.snoozeBreakage(id, until);
    },
    details: (selection) => readDetails({ store, git: async () => undefined, now }, selection),
  };
  const size = options.size ?? { columns: 100, rows: 30 };
  const app = render(createElement(App, { source, actions, now, size }));
  onTestFinished(() => {
    app.unmount();
    source.stop();
    store.close();
  });
  const frame = (): string => app.lastFrame() ?? '';
  return {
    store,
    frame,
    reverts,
    press: (keys) => app.stdin.write(keys),
    waitFor: (text) => waitForFrame(frame, text),
  };
}

/** Polls the frame until it shows `text`; fails after 5 s with the last frame. */
export async function waitForFrame(frame: () => string, text: string | RegExp): Promise<string> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const current = frame();
    if (typeof text === 'string' ? current.includes(text) : text.test(current)) return current;
    if (Date.now() > deadline)
      throw new Error(`the screen never showed ${String(text)}:\n${current}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
