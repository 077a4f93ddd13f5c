/** `2026-12-07 03:00 UTC`: in UTC, so the page reads the same on every reader's machine. */
export function formatTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export function shortCommit(commit: string): string {
  return commit.slice(0, 10);
}

/** `12%`, `0.4%`: a rate from 0 to 1. */
export function percent(rate: number): string {
  const value = rate * 100;
  return `${value >= 10 || value === 0 ? Math.round(value) : value.toFixed(1)}%`;
}

/** A message cut to what a page shows of it: the first lines, not a megabyte of output. */
export function clip(text: string, mostLines = 30, mostChars = 4000): string {
  const lines = text.split('\n');
  let clipped = lines.slice(0, mostLines).join('\n');
  if (clipped.length > mostChars) clipped = clipped.slice(0, mostChars);
  return clipped.length < text.length ? `${clipped}\n…` : clipped;
}

/** The first `most` items of a list, and how many were left out. */
export function firstOf<T>(
  items: readonly T[],
  most: number,
): { shown: readonly T[]; more: number } {
  return { shown: items.slice(0, most), more: Math.max(0, items.length - most) };
}
