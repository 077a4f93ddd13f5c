import type { Selection } from './actions.ts';
import type { Dashboard } from './dashboard.ts';
import type { PanelId } from './panels.ts';
import { shortSha } from './text.ts';

/** The item at `at` in a panel, as the keys act on it; undefined in an empty list. */
export function selectionOf(
  dashboard: Dashboard,
  panel: PanelId,
  at: number,
): Selection | undefined {
  switch (panel) {
    case 'trunk':
      return { panel };
    case 'breakages': {
      const item = dashboard.breakages[at];
      return item && { panel, item };
    }
    case 'candidates': {
      const item = dashboard.candidates[at];
      return item && { panel, item };
    }
    case 'flaky': {
      const item = dashboard.flaky[at];
      return item && { panel, item };
    }
    case 'runs': {
      const item = dashboard.runs[at];
      return item && { panel, item };
    }
  }
}

/** The title of a selection's details. */
export function detailsTitle(selection: Selection): string {
  switch (selection.panel) {
    case 'trunk':
      return 'trunk';
    case 'breakages':
      return `breakage ${shortSha(selection.item.lastGreen)}..${shortSha(selection.item.firstRed)}`;
    case 'candidates':
      return `candidate ${shortSha(selection.item.culprit)}`;
    case 'flaky':
      return `flaky ${selection.item.test}`;
    case 'runs':
      return `run ${selection.item.id}`;
  }
}
