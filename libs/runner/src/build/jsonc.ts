/**
 * Parses JSON with comments and trailing commas, as tsconfig files are written.
 * Throws SyntaxError like JSON.parse when it is not that.
 */
export function parseJsonc(text: string): unknown {
  return JSON.parse(withoutTrailingCommas(withoutComments(text)));
}

/** Past the closing quote of the string starting at `i`. */
function stringEnd(text: string, i: number): number {
  let j = i + 1;
  while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
  return j + 1;
}

function withoutComments(text: string): string {
  let out = '';
  let kept = 0;
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '"') {
      i = stringEnd(text, i);
    } else if (c === '/' && (text[i + 1] === '/' || text[i + 1] === '*')) {
      out += text.slice(kept, i);
      const line = text[i + 1] === '/';
      const end = text.indexOf(line ? '\n' : '*/', i + 2);
      i = end < 0 ? text.length : line ? end : end + 2;
      out += ' ';
      kept = i;
    } else {
      i++;
    }
  }
  return out + text.slice(kept);
}

function withoutTrailingCommas(text: string): string {
  let out = '';
  let kept = 0;
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '"') {
      i = stringEnd(text, i);
      continue;
    }
    if (c === ',') {
      let j = i + 1;
      while (j < text.length && /\s/.test(text[j] as string)) j++;
      if (text[j] === '}' || text[j] === ']') {
        out += text.slice(kept, i);
        kept = i + 1;
      }
    }
    i++;
  }
  return out + text.slice(kept);
}
