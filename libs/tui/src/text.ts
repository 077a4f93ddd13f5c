// Plain-text formatting the panels share: widths, ages, durations.

/** `text` cut to `width` characters (an ellipsis marks the cut) or padded to it. */
export function fit(text: string, width: number): string {
  if (width <= 0) return '';
  const chars = [...text];
  if (chars.length <= width) return text + ' '.repeat(width - chars.length);
  return `${chars.slice(0, width - 1).join('')}…`;
}

/** Cells laid out in columns of the given widths, one space apart; the last takes the rest. */
export function columns(cells: readonly (readonly [string, number])[], width: number): string {
  let line = '';
  for (const [index, [text, cellWidth]] of cells.entries()) {
    const last = index === cells.length - 1;
    const room = width - [...line].length;
    if (room <= 0) break;
    line += last ? fit(text, room).trimEnd() : `${fit(text, Math.min(cellWidth, room))} `;
  }
  return fit(line.trimEnd(), width).trimEnd();
}

export function shortSha(sha: string | undefined): string {
  return sha === undefined ? '-' : sha.slice(0, 8);
}

/** A time as an age: `12s`, `5m`, `3h`, `2d`. */
export function age(then: number, now: number): string {
  return span(Math.max(0, now - then));
}

/** A duration: `850ms`, `12s`, `2m13s`, `3h05m`, `2d`. */
export function duration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m${String(seconds % 60).padStart(2, '0')}s`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours}h${String(minutes % 60).padStart(2, '0')}m`;
  return `${Math.floor(hours / 24)}d`;
}

function span(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours}h`;
  return `${Math.floor(hours / 24)}d`;
}

export function percent(rate: number | undefined): string {
  return rate === undefined ? '-' : `${Math.round(rate * 100)}%`;
}

/** `one`, `2 things`: a count with its noun. */
export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
