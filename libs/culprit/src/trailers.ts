/** One `Key: value` trailer of a commit message. */
export interface Trailer {
  readonly key: string;
  readonly value: string;
}

// Lines git writes itself, which make a trailer block count as one even among prose.
const gitGeneratedPrefixes = ['Signed-off-by: ', '(cherry picked from commit '];

/**
 * The trailers of a commit message, by git's rules (trailer.c, as `git log
 * --format=%(trailers)` reads them): the block is the message's last paragraph, never
 * the title paragraph; it counts when all its lines are trailers (or their indented
 * continuations), or when it holds a line git generates and at least a quarter of its
 * lines are trailers. A trailer is a token of letters, digits and `-`, optional
 * blanks, `:`, then the value; continuation lines join the value with one space.
 */
export function parseTrailers(message: string): Trailer[] {
  const lines = message.replace(/\r\n/g, '\n').split('\n');
  const start = trailerBlockStart(lines);
  if (start === undefined) return [];
  const trailers: { key: string; value: string }[] = [];
  let current: { key: string; value: string } | undefined;
  for (const line of lines.slice(start)) {
    if (line.startsWith('#') || isBlank(line)) continue;
    if (/^[ \t]/.test(line)) {
      if (current !== undefined) current.value = `${current.value} ${line.trim()}`.trim();
      continue;
    }
    const separator = separatorAt(line);
    if (separator < 1) {
      current = undefined;
      continue;
    }
    current = { key: line.slice(0, separator).trim(), value: line.slice(separator + 1).trim() };
    trailers.push(current);
  }
  return trailers;
}

/** The last value of a trailer (keys compare case-insensitively, as git's do). */
export function trailerValue(message: string, key: string): string | undefined {
  const wanted = key.toLowerCase();
  return parseTrailers(message).findLast((trailer) => trailer.key.toLowerCase() === wanted)?.value;
}

/** Whether the message has the trailer with the value `true` (any case). */
export function hasTrueTrailer(message: string, key: string): boolean {
  return trailerValue(message, key)?.toLowerCase() === 'true';
}

/** Index of the trailer block's first line, or undefined when there is none. */
function trailerBlockStart(lines: readonly string[]): number | undefined {
  let titleEnd = 0;
  while (
    titleEnd < lines.length &&
    (lines[titleEnd]?.startsWith('#') || !isBlank(lines[titleEnd] ?? ''))
  ) {
    titleEnd++;
  }
  let trailerLines = 0;
  let nonTrailerLines = 0;
  let continuations = 0;
  let recognized = false;
  let onlySpaces = true;
  for (let index = lines.length - 1; index >= titleEnd; index--) {
    const line = lines[index] ?? '';
    if (line.startsWith('#')) {
      nonTrailerLines += continuations;
      continuations = 0;
      continue;
    }
    if (isBlank(line)) {
      if (onlySpaces) continue;
      nonTrailerLines += continuations;
      const counts =
        (recognized && trailerLines * 3 >= nonTrailerLines) ||
        (trailerLines > 0 && nonTrailerLines === 0);
      return counts ? index + 1 : undefined;
    }
    onlySpaces = false;
    if (gitGeneratedPrefixes.some((prefix) => line.startsWith(prefix))) {
      trailerLines++;
      continuations = 0;
      recognized = true;
    } else if (separatorAt(line) >= 1 && !/^\s/.test(line)) {
      trailerLines++;
      continuations = 0;
    } else if (/^\s/.test(line)) {
      continuations++;
    } else {
      nonTrailerLines += 1 + continuations;
      continuations = 0;
    }
  }
  return undefined;
}

/** git's find_separator: token characters, then blanks, then `:`; -1 when not a trailer. */
function separatorAt(line: string): number {
  let blankSeen = false;
  for (let index = 0; index < line.length; index++) {
    const char = line[index] as string;
    if (char === ':') return index;
    if (!blankSeen && /[A-Za-z0-9-]/.test(char)) continue;
    if (index > 0 && (char === ' ' || char === '\t')) {
      blankSeen = true;
      continue;
    }
    break;
  }
  return -1;
}

function isBlank(line: string): boolean {
  return line.trim() === '';
}
