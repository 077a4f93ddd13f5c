import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseJsonc } from '../../src/build/jsonc.ts';
import { readRepoConfig } from '../../src/build/repo-config.ts';
import { repoWith } from './fixture.ts';

describe('parseJsonc', () => {
  it('reads comments and trailing commas, and leaves strings alone', () => {
    const text = `{
  // a line comment
  "a": "http://x/*not a comment*/", /* block */
  "b": [1, 2, /* c */ ],
  "c": { "d": "e,}", },
}`;
    expect(parseJsonc(text)).toEqual({
      a: 'http://x/*not a comment*/',
      b: [1, 2],
      c: { d: 'e,}' },
    });
    expect(parseJsonc('{"q": "say \\"hi\\" // no"}')).toEqual({ q: 'say "hi" // no' });
    expect(() => parseJsonc('{ nope }')).toThrow(SyntaxError);
  });
});

describe('readRepoConfig', () => {
  it('finds paths along the extends chain, made absolute from baseUrl or their config', () => {
    const root = repoWith({
      'tsconfig.json': '{ "extends": "./config/base", "compilerOptions": { "strict": true, }, }',
      'config/base.json': `{
        // Nx style: every lib by alias
        "compilerOptions": { "baseUrl": "..", "paths": { "@org/a": ["libs/a/src/index.ts"] } },
      }`,
      'other/tsconfig.json': JSON.stringify({
        extends: '../config/nobase.json',
        compilerOptions: { typeRoots: ['./types'] },
      }),
      'config/nobase.json': JSON.stringify({ compilerOptions: { paths: { '~/*': ['./src/*'] } } }),
    });
    expect(readRepoConfig(join(root, 'tsconfig.json'))).toEqual({
      paths: { '@org/a': [join(root, 'libs/a/src/index.ts')] },
      hasTypeRoots: false,
    });
    expect(readRepoConfig(join(root, 'other/tsconfig.json'))).toEqual({
      paths: { '~/*': [join(root, 'config/src/*')] },
      hasTypeRoots: true,
    });
    expect(readRepoConfig(join(root, 'missing.json'))).toEqual({ paths: {}, hasTypeRoots: false });
  });
});
