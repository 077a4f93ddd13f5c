import type { Dashboard } from './dashboard.ts';
import { type Panel, panels, type Tone } from './panels.ts';

const ansi: Readonly<Record<Tone, [string, string]>> = {
  red: ['\x1b[31m', '\x1b[39m'],
  green: ['\x1b[32m', '\x1b[39m'],
  yellow: ['\x1b[33m', '\x1b[39m'],
  dim: ['\x1b[2m', '\x1b[22m'],
};

/**
 * The five panels as plain text, every item listed (no scrolling): what `mainline tui`
 * prints without a terminal or with `--once`. Colour only when asked for.
 */
export function renderSnapshot(
  dashboard: Dashboard,
  options: { readonly width: number; readonly color: boolean },
): string {
  const paint = (text: string, tone: Tone | undefined): string =>
    tone === undefined || !options.color ? text : `${ansi[tone][0]}${text}${ansi[tone][1]}`;
  const section = (panel: Panel): string[] => [
    options.color ? `\x1b[1m${panel.title}\x1b[22m` : panel.title,
    ...(panel.lines.length === 0
      ? [`  ${paint(panel.empty, 'dim')}`]
      : panel.lines.map((line) => `  ${paint(line.text, line.tone)}`)),
  ];
  return `${panels(dashboard, options.width - 2)
    .map((panel) => section(panel).join('\n'))
    .join('\n\n')}\n`;
}
