import { Box, Text } from 'ink';
import { createElement as h, type ReactNode } from 'react';
import { scrollOffset } from './layout.ts';
import { type Panel, panelIds, type Tone } from './panels.ts';
import { fit } from './text.ts';

/** How each tone shows on a terminal. */
export const toneColor: Readonly<Record<Tone, string>> = {
  red: 'red',
  green: 'green',
  yellow: 'yellow',
  dim: 'gray',
};

/** One panel: its title (numbered, with the window shown), then the items that fit. */
export function panelView(
  panel: Panel,
  height: number,
  focused: boolean,
  selected: number,
  width: number,
): ReactNode {
  const number = panelIds.indexOf(panel.id) + 1;
  const top = scrollOffset(selected, height, panel.lines.length);
  const more =
    panel.lines.length > height
      ? ` ${top + 1}-${Math.min(panel.lines.length, top + height)} of ${panel.lines.length}`
      : '';
  const lines =
    panel.lines.length === 0
      ? [h(Text, { key: 'empty', color: 'gray' }, `  ${panel.empty}`)]
      : panel.lines.slice(top, top + height).map((line, i) =>
          h(
            Text,
            {
              key: i,
              wrap: 'truncate',
              inverse: focused && top + i === selected,
              color: line.tone === undefined ? undefined : toneColor[line.tone],
            },
            `  ${fit(line.text, width - 2)}`,
          ),
        );
  return h(
    Box,
    { key: panel.id, flexDirection: 'column', height: height + 1 },
    h(
      Text,
      { bold: true, color: focused ? 'cyan' : undefined, wrap: 'truncate' },
      `${number} ${panel.title}${more}`,
    ),
    ...lines,
  );
}
