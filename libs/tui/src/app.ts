import { Box, type Key, Text, useApp, useInput, useStdout } from 'ink';
import {
  createElement as h,
  type ReactNode,
  useEffect,
  useRef,
  useState,
  useSyncExternalStore,
} from 'react';
import {
  type DashboardActions,
  type DashboardSource,
  nextMark,
  panelKeys,
  type Selection,
  snoozeMs,
} from './actions.ts';
import type { Candidate, Dashboard } from './dashboard.ts';
import { helpLines } from './help.ts';
import { minColumns, minRows, panelHeights } from './layout.ts';
import { type PanelId, panelIds, panels } from './panels.ts';
import { fit, shortSha } from './text.ts';
import { errorText, type Message, revertMessage } from './messages.ts';
import { panelView, toneColor } from './panel-view.ts';
import { detailsTitle, selectionOf } from './selection.ts';

export interface AppProps {
  readonly source: DashboardSource<Dashboard>;
  readonly actions: DashboardActions;
  readonly now: () => number;
  /** The terminal's size; default: the output stream's, followed as it is resized. */
  readonly size?: { readonly columns: number; readonly rows: number };
}

type View =
  | { readonly kind: 'panels' }
  | { readonly kind: 'help' }
  | {
      readonly kind: 'details';
      readonly title: string;
      readonly lines: readonly string[] | undefined;
    }
  | { readonly kind: 'confirm'; readonly candidate: Candidate };

interface UiState {
  readonly focus: PanelId;
  readonly selected: Readonly<Record<PanelId, number>>;
  readonly view: View;
  /** The first line shown of details or help. */
  readonly scroll: number;
  readonly message: Message | undefined;
  /** A revert is running. */
  readonly busy: boolean;
}

const initialUi: UiState = {
  focus: 'breakages',
  selected: { trunk: 0, breakages: 0, candidates: 0, flaky: 0, runs: 0 },
  view: { kind: 'panels' },
  scroll: 0,
  message: undefined,
  busy: false,
};

/** The sheriff's screen: five panels over the store, keys to move, look closer and act. */
export function App({ source, actions, now, size }: AppProps): ReactNode {
  const dashboard = useSyncExternalStore(source.subscribe, source.current);
  const terminal = useTerminalSize(size);
  const { exit } = useApp();
  // The screen's own state lives in a ref, so that keys typed faster than React renders
  // (a paste, tmux send-keys) each see the state the previous key left.
  const ui = useRef<UiState>(initialUi);
  const [, setRendered] = useState(0);
  const update = (change: Partial<UiState>): void => {
    ui.current = { ...ui.current, ...change };
    setRendered((n) => n + 1);
  };
  const width = terminal.columns;

  const itemCount = (id: PanelId): number =>
    panels(source.current(), width - 2).find((p) => p.id === id)?.lines.length ?? 0;
  const index = (id: PanelId): number =>
    Math.min(ui.current.selected[id], Math.max(0, itemCount(id) - 1));
  const selected = (): Selection | undefined =>
    selectionOf(source.current(), ui.current.focus, index(ui.current.focus));

  const move = (by: number): void => {
    const { view, focus } = ui.current;
    if (view.kind === 'details' || view.kind === 'help') {
      update({ scroll: Math.max(0, ui.current.scroll + by) });
      return;
    }
    const at = Math.max(0, Math.min(itemCount(focus) - 1, index(focus) + by));
    update({ selected: { ...ui.current.selected, [focus]: at } });
  };
  const openDetails = (target: Selection): void => {
    const title = detailsTitle(target);
    update({ scroll: 0, view: { kind: 'details', title, lines: undefined } });
    const show = (lines: readonly string[]): void => {
      const { view } = ui.current;
      if (view.kind === 'details' && view.title === title) update({ view: { ...view, lines } });
    };
    actions
      .details(target)
      .then(show, (error: unknown) => show([`could not read the details: ${errorText(error)}`]));
  };
  const act = (run: () => void, done: string): void => {
    try {
      run();
      source.refresh();
      update({ message: { text: done } });
    } catch (error) {
      update({ message: { text: errorText(error), tone: 'red' } });
    }
  };
  const revert = (candidate: Candidate): void => {
    update({
      view: { kind: 'panels' },
      busy: true,
      message: {
        text: `reverting ${shortSha(candidate.culprit)}: the revert is built and tested first…`,
      },
    });
    actions.revert(candidate).then(
      (decision) => {
        source.refresh();
        update({ busy: false, message: revertMessage(candidate, decision) });
      },
      (error: unknown) =>
        update({
          busy: false,
          message: { text: `revert failed: ${errorText(error)}`, tone: 'red' },
        }),
    );
  };

  const onKey = (input: string, key: Key) => {
    const { view, focus, busy } = ui.current;
    if (view.kind === 'confirm') {
      if (input === 'y') revert(view.candidate);
      else update({ view: { kind: 'panels' }, message: { text: 'revert cancelled' } });
      return;
    }
    if (input === 'q') return exit();
    if (key.escape) return update({ view: { kind: 'panels' } });
    if (key.upArrow || input === 'k') return move(-1);
    if (key.downArrow || input === 'j') return move(1);
    if (key.tab) {
      const at = panelIds.indexOf(focus);
      const to = panelIds[
        (at + (key.shift ? panelIds.length - 1 : 1)) % panelIds.length
      ] as PanelId;
      return update({ focus: to, view: { kind: 'panels' } });
    }
    const panelKey = panelKeys[input];
    if (panelKey !== undefined) return update({ focus: panelKey, view: { kind: 'panels' } });
    if (input === '?')
      return update({
        scroll: 0,
        view: view.kind === 'help' ? { kind: 'panels' } : { kind: 'help' },
      });
    const selection = selected();
    if (view.kind !== 'panels' || selection === undefined) return;
    if (key.return) return openDetails(selection);
    if (input === 'r' && selection.panel === 'candidates') {
      const candidate = selection.item;
      if (busy) return update({ message: { text: 'a revert is already running' } });
      if (candidate.status === 'reverted')
        return update({
          message: {
            text: `${shortSha(candidate.culprit)} is already reverted (${shortSha(candidate.revertSha)})`,
          },
        });
      return update({ view: { kind: 'confirm', candidate } });
    }
    if (input === 'f' && selection.panel === 'flaky') {
      const row = selection.item;
      const mark = nextMark(row.mark);
      return act(
        () => actions.markTest(row, mark),
        `${row.test}: ${mark === undefined ? 'mark cleared' : `marked ${mark}`}`,
      );
    }
    if (input === 's' && selection.panel === 'breakages') {
      const group = selection.item;
      const until = group.snoozedUntil === undefined ? now() + snoozeMs : undefined;
      return act(
        () => actions.snooze(group, until),
        `${group.targets.join(' ')}: ${until === undefined ? 'awake again' : 'snoozed for 4 hours'}`,
      );
    }
  };
  useInput((input, key) => {
    // Keys sent faster than they are read (typed ahead, tmux send-keys) arrive as one chunk,
    // which ink hands over as a paste: taken apart, each key does what it would alone.
    if (input.length > 1 && !input.includes('\x1b')) {
      for (const char of input) onKey(char, { ...key, return: char === '\r', tab: char === '\t' });
    } else onKey(input, key);
  });

  // Keys are read from the terminal (raw mode) from useInput's effect on: the key hints show
  // from the render after it, so whoever waits for them (a person, a test) knows keys work.
  const [listening, setListening] = useState(false);
  useEffect(() => setListening(true), []);

  const { focus, view, scroll, message, busy } = ui.current;
  const shown = panels(dashboard, width - 2);
  if (width < minColumns || terminal.rows < minRows) {
    return h(
      Text,
      null,
      `mainline tui needs a terminal of at least ${minColumns}x${minRows}; this one is ${width}x${terminal.rows}. Make it larger, or run mainline tui --once. (q quits)`,
    );
  }
  const bodyRows = terminal.rows - 3;
  const header = h(
    Box,
    { justifyContent: 'space-between', width },
    h(Text, { bold: true }, 'mainline · sheriff'),
    h(
      Text,
      { color: 'gray' },
      busy ? 'working…' : listening ? 'Tab panel  ↑↓ move  Enter details  ? help  q quit' : '',
    ),
  );
  const footer =
    view.kind === 'confirm'
      ? h(
          Text,
          { color: 'yellow', wrap: 'truncate' },
          `revert ${shortSha(view.candidate.culprit)} "${view.candidate.subject ?? ''}" now? y/n`,
        )
      : h(
          Text,
          {
            color: message?.tone === undefined ? undefined : toneColor[message.tone],
            wrap: 'truncate',
          },
          message?.text ?? ' ',
        );
  let body: ReactNode;
  if (view.kind === 'help' || view.kind === 'details') {
    const lines = view.kind === 'help' ? helpLines : (view.lines ?? ['loading…']);
    const top = Math.min(scroll, Math.max(0, lines.length - bodyRows));
    body = h(
      Box,
      { flexDirection: 'column', height: bodyRows + 1 },
      h(
        Text,
        { bold: true, wrap: 'truncate' },
        view.kind === 'help' ? 'help (Esc closes)' : `${view.title} (Esc closes, ↑↓ scroll)`,
      ),
      ...lines
        .slice(top, top + bodyRows)
        .map((line, i) => h(Text, { key: i, wrap: 'truncate' }, fit(line, width).trimEnd() || ' ')),
    );
  } else {
    const heights = panelHeights(terminal.rows, focus);
    body = h(
      Box,
      { flexDirection: 'column', height: bodyRows + 1 },
      ...shown.map((panel) =>
        panelView(panel, heights[panel.id], panel.id === focus, index(panel.id), width),
      ),
    );
  }
  return h(Box, { flexDirection: 'column', width }, header, body, footer);
}

/** The terminal's size, followed as it is resized. */
function useTerminalSize(fixed: AppProps['size']): { columns: number; rows: number } {
  const { stdout } = useStdout();
  const read = () =>
    fixed ?? { columns: stdout.columns || minColumns, rows: stdout.rows || minRows };
  const [size, setSize] = useState(read);
  useEffect(() => {
    if (fixed !== undefined) return;
    const onResize = (): void => setSize(read());
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  });
  return size;
}
