import { oddCharacters } from './hostile-values.ts';
import type { Picker } from './picker.ts';

/** One textual mutation of BUILD.json's text: the new text and what was done. */
export type TextualOp = (text: string, pick: Picker) => [string, string];

function at(text: string, pick: Picker): number {
  return pick.int(0, text.length);
}

export const textualOps: Readonly<Record<string, TextualOp>> = {
  truncate: (text, pick) => {
    const cut = at(text, pick);
    return [text.slice(0, cut), `truncated at ${cut}`];
  },
  flip: (text, pick) => {
    let out = text;
    const count = pick.int(1, 5);
    for (let i = 0; i < count; i++) {
      const where = pick.int(0, Math.max(0, out.length - 1));
      out = `${out.slice(0, where)}${pick.one(oddCharacters)}${out.slice(where + 1)}`;
    }
    return [out, `${count} characters replaced`];
  },
  insert: (text, pick) => {
    let out = text;
    const count = pick.int(1, 5);
    for (let i = 0; i < count; i++) {
      const where = at(out, pick);
      const inserted = (pick.one(oddCharacters) as string).repeat(pick.chance(0.2) ? 1000 : 1);
      out = `${out.slice(0, where)}${inserted}${out.slice(where)}`;
    }
    return [out, `${count} insertions`];
  },
  'delete-span': (text, pick) => {
    const start = at(text, pick);
    const end = Math.min(text.length, start + pick.int(1, 200));
    return [text.slice(0, start) + text.slice(end), `deleted ${start}..${end}`];
  },
  'duplicate-span': (text, pick) => {
    const start = at(text, pick);
    const end = Math.min(text.length, start + pick.int(1, 400));
    return [text.slice(0, end) + text.slice(start), `duplicated ${start}..${end}`];
  },
  comment: (text, pick) => {
    const where = at(text, pick);
    const comment = pick.chance(0.5) ? '// note\n' : '/* note */';
    return [`${text.slice(0, where)}${comment}${text.slice(where)}`, `comment at ${where}`];
  },
  'trailing-comma': (text) => [text.replace(/(\S)(\s*[}\]])/, '$1,$2'), 'a trailing comma'],
  bom: (text) => [`\ufeff${text}`, 'a byte order mark'],
  crlf: (text) => [text.replaceAll('\n', '\r\n'), 'CRLF line ends'],
  'control-characters': (text, pick) => {
    const where = at(text, pick);
    return [
      `${text.slice(0, where)}\u0000\u0007\u001b${text.slice(where)}`,
      `controls at ${where}`,
    ];
  },
  empty: (_text, pick) => [
    pick.one(['', ' ', '\n', 'null', '[]', '"x"', '{', '}']) ?? '',
    'emptied',
  ],
};
