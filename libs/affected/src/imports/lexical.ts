import {
  BACKSLASH,
  BACKTICK,
  CLOSE_BRACKET,
  DOLLAR,
  isIdentifierChar,
  isWhitespace,
  NEWLINE,
  OPEN_BRACE,
  OPEN_BRACKET,
  SLASH,
  STAR,
} from './char-codes.ts';

// Stateless pieces of the import scanner: each takes the source and an index and
// returns the index past what it read. A construct left open ends at the line end
// (strings, regexes) or at the end of the source (comments, templates).

export function identifierEnd(src: string, start: number): number {
  let end = start + 1;
  while (end < src.length && isIdentifierChar(src.charCodeAt(end))) end++;
  return end;
}

export function lineEnd(src: string, i: number): number {
  const end = src.indexOf('\n', i);
  return end < 0 ? src.length : end;
}

export function blockCommentEnd(src: string, i: number): number {
  const end = src.indexOf('*/', i + 2);
  return end < 0 ? src.length : end + 2;
}

/** Past whitespace and comments from `from`. */
export function skipTrivia(src: string, from: number): number {
  let j = from;
  while (j < src.length) {
    const c = src.charCodeAt(j);
    if (isWhitespace(c)) j++;
    else if (c === SLASH && src.charCodeAt(j + 1) === SLASH) j = lineEnd(src, j);
    else if (c === SLASH && src.charCodeAt(j + 1) === STAR) j = blockCommentEnd(src, j);
    else break;
  }
  return j;
}

/** Past the closing quote of the string at `i`. */
export function stringEnd(src: string, i: number): number {
  const quote = src.charCodeAt(i);
  for (let j = i + 1; j < src.length; j++) {
    const c = src.charCodeAt(j);
    if (c === quote) return j + 1;
    if (c === BACKSLASH) j++;
    else if (c === NEWLINE) return j;
  }
  return src.length;
}

/** Past the closing `/` of the regex at `i` (flags are read as an identifier). */
export function regexEnd(src: string, i: number): number {
  let inClass = false;
  for (let j = i + 1; j < src.length; j++) {
    const c = src.charCodeAt(j);
    if (c === BACKSLASH) j++;
    else if (c === NEWLINE) return j;
    else if (c === OPEN_BRACKET) inClass = true;
    else if (c === CLOSE_BRACKET) inClass = false;
    else if (c === SLASH && !inClass) return j + 1;
  }
  return src.length;
}

/** A string literal read at some position: its value, and the index just past it. */
export interface Literal {
  readonly value: string;
  readonly end: number;
}

/** A quoted string, or a template literal without substitutions, at `j`. */
export function readLiteral(src: string, j: number): Literal | undefined {
  const quote = src.charCodeAt(j);
  let value = '';
  let chunk = j + 1;
  for (let k = j + 1; k < src.length; k++) {
    const c = src.charCodeAt(k);
    if (c === quote) return { value: value + src.slice(chunk, k), end: k + 1 };
    if (c === BACKSLASH) {
      value += src.slice(chunk, k);
      chunk = k + 1;
      k++;
    } else if (c === NEWLINE && quote !== BACKTICK) {
      return undefined;
    } else if (c === DOLLAR && quote === BACKTICK && src.charCodeAt(k + 1) === OPEN_BRACE) {
      return undefined;
    }
  }
  return undefined;
}
