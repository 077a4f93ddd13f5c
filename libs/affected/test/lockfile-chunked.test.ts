import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { parseChunked } from '../src/lockfile/chunked-syml.ts';

const { parseSyml } = createRequire(import.meta.url)(
  '@yarnpkg/parsers',
) as typeof import('@yarnpkg/parsers');
const fixture = (name: string): string =>
  readFileSync(new URL(`fixtures/${name}`, import.meta.url), 'utf8');

describe('parseChunked', () => {
  it.for(['yarn-classic.lock', 'yarn-berry.lock', 'pnpm-v6.yaml', 'pnpm-v9.yaml'])(
    'gives the whole parse of %s, and reuses the chunks the other side has',
    (name) => {
      const text = fixture(name);
      const base = parseChunked(text, parseSyml, undefined);
      expect(base?.data).toEqual(parseSyml(text));
      let parses = 0;
      const counting = (source: string): unknown => {
        parses++;
        return parseSyml(source);
      };
      const head = parseChunked(text, counting, base?.chunks);
      expect(head?.data).toEqual(parseSyml(text));
      expect(parses).toBe(0);
    },
  );

  it('declines a text it cannot cut safely, and a chunk that does not parse', () => {
    // A block scalar holding a blank line: the second chunk is not an entry.
    const blockScalar = 'a:\n  note: |\n    one\n\n    two\nb:\n  c: d\n';
    expect(parseChunked(blockScalar, parseSyml, undefined)).toBeUndefined();
    expect(parseChunked('a: [1\n\nb: 2\n', parseSyml, undefined)).toBeUndefined();
    expect(parseChunked('a: 1\r\n\r\nb: 2\r\n', parseSyml, undefined)).toBeUndefined();
    expect(parseChunked('a: 1\n\na: 2\n', parseSyml, undefined)).toBeUndefined();
    expect(parseChunked('a: 1\n\n  b: 2\n', parseSyml, undefined)).toBeUndefined();
  });
});
