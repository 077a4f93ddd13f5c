/** Characters that may make a glob more than a literal path for picomatch. */
export const globSpecial = /[*?[\]{}()!+@\\]/;

const specialTable = new Uint8Array(128);
for (const char of '*?[]{}()!+@\\') specialTable[char.charCodeAt(0)] = 1;

/** `globSpecial` for one character code, without a regex (for hot loops). */
export function isGlobSpecial(code: number): boolean {
  return code < 128 && specialTable[code] === 1;
}

/** A literal segment picomatch would normalize: '', '.' or '..'. */
export const oddSegment = /(?:^|\/)\.{0,2}(?:\/|$)/;
