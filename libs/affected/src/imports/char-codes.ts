// Character codes the import scanner branches on.
export const TAB = 9;
export const NEWLINE = 10;
export const CARRIAGE_RETURN = 13;
export const SPACE = 32;
export const DOUBLE_QUOTE = 34;
export const DOLLAR = 36;
export const SINGLE_QUOTE = 39;
export const OPEN_PAREN = 40;
export const CLOSE_PAREN = 41;
export const STAR = 42;
export const COMMA = 44;
export const DOT = 46;
export const SLASH = 47;
export const OPEN_BRACKET = 91;
export const BACKSLASH = 92;
export const CLOSE_BRACKET = 93;
export const UNDERSCORE = 95;
export const BACKTICK = 96;
export const OPEN_BRACE = 123;
export const CLOSE_BRACE = 125;

// Character classes; a table for ASCII, and every other character but two spaces counts
// as part of an identifier, which is all the scanner needs to know of Unicode.
export const OTHER = 0;
export const IDENTIFIER = 1;
export const WHITESPACE = 2;

const asciiKinds = (() => {
  const table = new Uint8Array(128);
  for (let c = 0; c < 128; c++) {
    const alphanumeric = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
    if (alphanumeric || c === UNDERSCORE || c === DOLLAR) table[c] = IDENTIFIER;
  }
  for (const c of [SPACE, NEWLINE, TAB, CARRIAGE_RETURN, 11, 12]) table[c] = WHITESPACE;
  return table;
})();

/** `c` is NaN past the end of the source, which must be OTHER so every loop stops there. */
export function kindOf(c: number): number {
  if (c < 128) return asciiKinds[c] ?? OTHER;
  if (c === 0xa0 || c === 0xfeff) return WHITESPACE;
  return c > 127 ? IDENTIFIER : OTHER;
}

export function isIdentifierChar(c: number): boolean {
  return kindOf(c) === IDENTIFIER;
}

export function isWhitespace(c: number): boolean {
  return kindOf(c) === WHITESPACE;
}
