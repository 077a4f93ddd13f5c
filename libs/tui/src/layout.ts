import type { PanelId } from './panels.ts';

/** The smallest terminal the screen is laid out for. */
export const minColumns = 80;
export const minRows = 24;

/** Lines that are not list items: header, footer, five panel titles, the trunk's two facts. */
const fixedLines = 1 + 1 + 5 + 2;

/**
 * How many items each list panel shows on a terminal of `rows` lines: an even share, the
 * rest to the panel in focus. One line is left free: ink redraws a frame as tall as the
 * terminal by clearing it, which flickers.
 */
export function panelHeights(rows: number, focused: PanelId): Record<PanelId, number> {
  const lists = ['breakages', 'candidates', 'flaky', 'runs'] as const;
  const room = Math.max(lists.length, rows - 1 - fixedLines);
  const share = Math.floor(room / lists.length);
  const heights: Record<PanelId, number> = {
    trunk: 2,
    breakages: share,
    candidates: share,
    flaky: share,
    runs: share,
  };
  const rest = room - share * lists.length;
  heights[focused === 'trunk' ? 'breakages' : focused] += rest;
  return heights;
}

/** The first item shown so that `selected` is in a window of `height` items. */
export function scrollOffset(selected: number, height: number, total: number): number {
  if (total <= height) return 0;
  return Math.min(Math.max(0, selected - height + 1), total - height);
}
