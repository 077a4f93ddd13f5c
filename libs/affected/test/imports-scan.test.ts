import { describe, expect, it } from 'vitest';
import {
  importedPackages,
  packageNameOf,
  scanSpecifierSites,
  scanSpecifiers,
} from '../src/imports/index.ts';

function packages(source: string): string[] {
  return [...importedPackages(source)].sort();
}

describe('importedPackages', () => {
  it('finds every import form', () => {
    const source = [
      "import x from 'default-import';",
      'import type { T } from "type-import";',
      "import 'side-effect';",
      "export * from 'star-export';",
      'export { a } from "named-export";',
      "export * as ns from 'namespace-export';",
      "export type { U } from 'type-export';",
      "const lazy = await import('dynamic-import');",
      'const cjs = require("required");',
      "import legacy = require('ts-import-equals');",
      "type Lazy = typeof import('type-query');",
      'import def, { named } from "default-and-named";',
      "import * as star from 'star-import';",
      "import json from 'with-attributes' with { type: 'json' };",
    ].join('\n');
    expect(packages(source)).toEqual([
      'default-and-named',
      'default-import',
      'dynamic-import',
      'named-export',
      'namespace-export',
      'required',
      'side-effect',
      'star-export',
      'star-import',
      'ts-import-equals',
      'type-export',
      'type-import',
      'type-query',
      'with-attributes',
    ]);
  });

  it('reads import clauses over several lines, with comments inside', () => {
    const source = `import {
  first, // the first one
  second as other,
  /* type */ type Third,
  "string-name" as fourth,
} from
  '@scope/multi-line/deep/path';
export {
  again,
}
from "re-export";`;
    expect(packages(source)).toEqual(['@scope/multi-line', 're-export']);
  });

  it('maps subpaths to their package', () => {
    expect(
      packages("import fp from 'lodash/fp';\nimport x from '@scope/pkg/sub/path.js';"),
    ).toEqual(['@scope/pkg', 'lodash']);
  });

  it('ignores paths, URLs, builtins and aliases', () => {
    const source = [
      "import a from './relative';",
      "import b from '../up/one';",
      "import c from '/absolute/path';",
      "import d from 'node:fs';",
      "import e from 'fs';",
      "import f from 'fs/promises';",
      "import g from 'path';",
      "import h from 'https://cdn.example.com/x.js';",
      "import i from 'data:text/javascript,export default 1';",
      "import j from '#internal/thing';",
      "import k from '~/aliased';",
      "import l from '@/aliased';",
      "import m from '$lib/aliased';",
      "import n from 'virtual:module';",
      "import o from '.';",
    ].join('\n');
    expect(packages(source)).toEqual([]);
  });

  it('ignores imports in comments, strings and template text', () => {
    const source = `
// import a from 'in-line-comment';
/* import b from 'in-block-comment';
   require('still-in-block-comment') */
/**
 * @example import c from 'in-jsdoc';
 */
const s1 = "import d from 'in-double-quoted-string'";
const s2 = 'export * from "in-single-quoted-string"';
const s3 = \`import e from 'in-template'\`;
const s4 = 'it\\'s require("after-escaped-quote")';
const s5 = "a // not a comment"; import real from 'real-after-string';
const s6 = '/* not a comment */'; const r2 = require('real-after-comment-like-string');
`;
    expect(packages(source)).toEqual(['real-after-comment-like-string', 'real-after-string']);
  });

  it('reads code inside template substitutions, even nested', () => {
    const source =
      // biome-ignore lint/suspicious/noTemplateCurlyInString: JavaScript source under test
      'const t = `a ${await import("in-substitution")} b ${`c ${require("nested")}`} d`;';
    expect(packages(source)).toEqual(['in-substitution', 'nested']);
  });

  it('tells regular expressions from division', () => {
    const source = `
const quote = /['"]import x from 'in-regex'/g;
const klass = /[/'"]/;
const ratio = a / b; const other = require('after-division') / 2;
if (ok) return /'/.test(s) && require('after-regex');
`;
    expect(packages(source)).toEqual(['after-division', 'after-regex']);
  });

  it('does not mistake properties or other words for imports', () => {
    const source = `
obj.require('member-call');
obj.import('member-import');
const x = { import: 'as-key', require: 'key-too' };
const meta = import.meta.url;
const resolved = require.resolve('only-resolved');
exports.imported = 'imported-word';
`;
    expect(packages(source)).toEqual([]);
  });

  it('reads an import after a comment that ends with a full stop', () => {
    const source = `// Generated for libs/a.
import * as a from 'after-line-comment';
/* A block comment. */ import 'after-block-comment';
obj. /* a comment */ import('still-a-member');
obj
  .require('member-on-next-line');
`;
    expect(packages(source)).toEqual(['after-block-comment', 'after-line-comment']);
  });

  it('finds imports next to code the clause reader gives up on', () => {
    const source = `
export default { load: () => import('in-object-literal'), dep: require('beside-it') };
export const k = require('exported-const');
export function f() { return import('in-function'); }
export enum E { A, B }
import after from 'after-enum';
export interface I { a: string }
const spread = { ...require('spread') };
`;
    expect(packages(source)).toEqual([
      'after-enum',
      'beside-it',
      'exported-const',
      'in-function',
      'in-object-literal',
      'spread',
    ]);
  });

  it('accepts a template literal specifier without substitutions only', () => {
    expect(
      // biome-ignore lint/suspicious/noTemplateCurlyInString: JavaScript source under test
      packages('import(`plain-template`); import(`./x/${name}`); require(`dyn-${x}`);'),
    ).toEqual(['plain-template']);
  });

  it('keeps a stray quote in JSX text from hiding the following lines', () => {
    const source = `import React from 'react';
const C = () => <p>Don't panic</p>;
import clsx from 'clsx';`;
    expect(packages(source)).toEqual(['clsx', 'react']);
  });

  it('survives a hashbang and unterminated constructs', () => {
    expect(packages("#!/usr/bin/env node\nimport a from 'after-hashbang';")).toEqual([
      'after-hashbang',
    ]);
    for (const broken of [
      "import x from 'unterminated",
      'const s = `open ${',
      '/* open',
      'import {',
      'require(',
    ]) {
      expect(() => importedPackages(broken)).not.toThrow();
    }
    expect(packages("const s = 'open\nimport y from 'next-line';")).toEqual(['next-line']);
  });

  // Speed is a benchmark's business; this holds the answer on a large input.
  it('scans a megabyte of typical code, finding each package once', () => {
    const chunk = `import { a, b } from '@scope/lib/sub';
import type { T } from 'types-pkg';
// a comment mentioning import x from 'nothing'
export function run(input: string): number {
  const re = /["']+/g;
  const text = \`value: \${input.replace(re, '')}\`;
  return text.length / 2 + (a(b) ? 1 : 0);
}
`;
    const source = chunk.repeat(Math.ceil(1_000_000 / chunk.length));
    const found = importedPackages(source);
    expect([...found].sort()).toEqual(['@scope/lib', 'types-pkg']);
  });
});

describe('scanSpecifiers', () => {
  it('returns raw specifiers in source order, escapes removed', () => {
    expect(
      scanSpecifiers("import a from './a';\nrequire('b\\'c');\nexport * from 'node:fs';"),
    ).toEqual(['./a', "b'c", 'node:fs']);
  });
});

describe('scanSpecifierSites', () => {
  it('gives each specifier with the index of its opening quote', () => {
    const source = [
      "import a from 'a';",
      'export * from "./b.ts";',
      'const c = await import(`c`);',
      "// import 'not-me';",
      "const d = require( 'd' );",
    ].join('\n');
    const sites = scanSpecifierSites(source);
    expect(sites.map((s) => s.specifier)).toEqual(['a', './b.ts', 'c', 'd']);
    for (const { specifier, index } of sites) {
      expect(source.slice(index + 1, index + 1 + specifier.length)).toBe(specifier);
      expect(`'"\``).toContain(source.charAt(index));
    }
    expect(sites.map((s) => s.specifier)).toEqual(scanSpecifiers(source));
  });
});

describe('packageNameOf', () => {
  it('folds subpaths and refuses what is not a package', () => {
    expect(packageNameOf('lodash.merge')).toBe('lodash.merge');
    expect(packageNameOf('@scope/pkg/a/b')).toBe('@scope/pkg');
    expect(packageNameOf('@scope')).toBeUndefined();
    expect(packageNameOf('')).toBeUndefined();
    expect(packageNameOf('C:\\\\x')).toBeUndefined();
  });

  it('treats a specifier as a builtin only when Node does', () => {
    expect(packageNameOf('fs')).toBeUndefined();
    expect(packageNameOf('fs/promises')).toBeUndefined();
    // A trailing slash makes Node load the userland package of the same name.
    expect(packageNameOf('punycode/')).toBe('punycode');
    // Only reachable as node:test, so a bare `test` is a package.
    expect(packageNameOf('test')).toBe('test');
  });
});
