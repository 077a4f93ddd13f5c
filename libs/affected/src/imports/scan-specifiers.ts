import {
  BACKSLASH,
  BACKTICK,
  CLOSE_BRACE,
  CLOSE_BRACKET,
  CLOSE_PAREN,
  COMMA,
  DOLLAR,
  DOT,
  DOUBLE_QUOTE,
  IDENTIFIER,
  isIdentifierChar,
  kindOf,
  OPEN_BRACE,
  OPEN_PAREN,
  SINGLE_QUOTE,
  SLASH,
  STAR,
  WHITESPACE,
} from './char-codes.ts';
import {
  blockCommentEnd,
  identifierEnd,
  lineEnd,
  readLiteral,
  regexEnd,
  skipTrivia,
  stringEnd,
} from './lexical.ts';

/**
 * Module specifiers a TS/JS source loads: static imports and re-exports (also
 * `import type`), side-effect imports, dynamic `import()`, `require()` and TS
 * `import x = require()`. A single pass that knows strings, template literals, comments
 * and regular expressions, so text that merely looks like an import is not reported.
 * It is a scanner, not a parser: on code it does not understand it resumes scanning,
 * and a string or regex it misreads ends at the line end, so damage stays local.
 */
export function scanSpecifiers(source: string): string[] {
  return new Scanner(source).run().specifiers;
}

/** A module specifier and where its string literal starts (the opening quote's index). */
export interface SpecifierSite {
  readonly specifier: string;
  readonly index: number;
}

/** scanSpecifiers() with the position of each specifier, in source order. */
export function scanSpecifierSites(source: string): SpecifierSite[] {
  const { specifiers, starts } = new Scanner(source).run();
  return specifiers.map((specifier, i) => ({ specifier, index: starts[i] as number }));
}

// After these words a `/` starts a regular expression, after other identifiers it divides.
const keywordsBeforeExpression = new Set([
  'return',
  'typeof',
  'instanceof',
  'in',
  'of',
  'new',
  'delete',
  'void',
  'throw',
  'case',
  'do',
  'else',
  'yield',
  'await',
]);

/** What the last significant token was; decides whether `/` starts a regex. */
type Prev = 'punctuator' | 'value' | 'identifier';

class Scanner {
  readonly specifiers: string[] = [];
  /** The index of each specifier's opening quote, parallel to `specifiers`. */
  readonly starts: number[] = [];
  private prev: Prev = 'punctuator';
  private identStart = 0;
  private identEnd = 0;
  private braceDepth = 0;
  /** Just after the last `.` of a member access (`a.b`, `a?.b`), -1 after a spread. */
  private memberDotEnd = -1;
  /** Brace depths at which an open `${` of a template literal resumes the template. */
  private readonly templateDepths: number[] = [];

  constructor(private readonly src: string) {}

  run(): this {
    const { src } = this;
    const n = src.length;
    let i = src.startsWith('#!') ? lineEnd(src, 0) : 0;
    while (i < n) {
      const c = src.charCodeAt(i);
      const kind = kindOf(c);
      if (kind === WHITESPACE) {
        i++;
      } else if (kind === IDENTIFIER) {
        i = this.identifier(i);
      } else if (c === SLASH) {
        i = this.slash(i);
      } else if (c === SINGLE_QUOTE || c === DOUBLE_QUOTE) {
        i = stringEnd(src, i);
        this.prev = 'value';
      } else if (c === BACKTICK) {
        i = this.template(i + 1);
      } else if (c === OPEN_BRACE) {
        this.braceDepth++;
        this.prev = 'punctuator';
        i++;
      } else if (c === CLOSE_BRACE) {
        const resume = this.templateDepths.at(-1);
        if (resume === this.braceDepth) {
          this.templateDepths.pop();
          i = this.template(i + 1);
        } else {
          this.braceDepth--;
          this.prev = 'punctuator';
          i++;
        }
      } else {
        this.prev = c === CLOSE_PAREN || c === CLOSE_BRACKET ? 'value' : 'punctuator';
        if (c === DOT) {
          const spread = src.charCodeAt(i - 1) === DOT || src.charCodeAt(i + 1) === DOT;
          this.memberDotEnd = spread ? -1 : i + 1;
        }
        i++;
      }
    }
    return this;
  }

  private identifier(start: number): number {
    const { src } = this;
    const end = identifierEnd(src, start);
    const length = end - start;
    const first = src.charCodeAt(start);
    let next = end;
    // Cheap filters before slicing: the three words are 6-7 long and start with i, e, r.
    if (
      (length === 6 || length === 7) &&
      (first === 105 || first === 101 || first === 114) &&
      !this.isMemberAccess(start)
    ) {
      const word = src.slice(start, end);
      if (word === 'import') next = this.afterImport(end);
      else if (word === 'export') next = this.clause(end);
      else if (word === 'require') next = this.afterRequire(end);
    }
    if (next === end) {
      this.prev = 'identifier';
      this.identStart = start;
      this.identEnd = end;
    }
    return next;
  }

  /**
   * `x.import` / `module.require` are properties, but `...require()` is a spread. Only
   * white space and comments may stand between the dot and the word: a comment that ends
   * with a full stop does not make the `import` on the next line a property.
   */
  private isMemberAccess(start: number): boolean {
    return this.memberDotEnd >= 0 && skipTrivia(this.src, this.memberDotEnd) === start;
  }

  private afterImport(end: number): number {
    const j = skipTrivia(this.src, end);
    const c = this.src.charCodeAt(j);
    if (c === OPEN_PAREN) return this.callArgument(j);
    if (c === DOT) return end; // import.meta
    if (c === SINGLE_QUOTE || c === DOUBLE_QUOTE) return this.take(j);
    return this.clause(end);
  }

  private afterRequire(end: number): number {
    const j = skipTrivia(this.src, end);
    return this.src.charCodeAt(j) === OPEN_PAREN ? this.callArgument(j) : end;
  }

  /** At `(`: records a string argument (no `${}`) and returns past it, or `(`'s index. */
  private callArgument(open: number): number {
    const j = skipTrivia(this.src, open + 1);
    const c = this.src.charCodeAt(j);
    if (c === SINGLE_QUOTE || c === DOUBLE_QUOTE || c === BACKTICK) return this.take(j);
    this.prev = 'punctuator';
    return open;
  }

  /** Records the string literal at `j` as a specifier and returns the index past it. */
  private take(j: number): number {
    const literal = readLiteral(this.src, j);
    if (literal === undefined) return j;
    this.specifiers.push(literal.value);
    this.starts.push(j);
    this.prev = 'value';
    return literal.end;
  }

  /**
   * After `import`/`export`: the clause up to `from '...'`, e.g. `type X, { a as b } from`,
   * `* as ns from`. Stops on anything else (`const x =`, `default {`, `function f(`) and
   * returns where the main loop should resume, so nothing in the rest is skipped.
   */
  private clause(from: number): number {
    const { src } = this;
    let j = from;
    for (;;) {
      j = skipTrivia(src, j);
      const c = src.charCodeAt(j);
      if (isIdentifierChar(c)) {
        const end = identifierEnd(src, j);
        const word = src.slice(j, end);
        if (word === 'import' || word === 'export' || word === 'require') return this.resumeAt(j);
        if (word === 'from') {
          const k = skipTrivia(src, end);
          const q = src.charCodeAt(k);
          if (q === SINGLE_QUOTE || q === DOUBLE_QUOTE) return this.take(k);
        }
        this.prev = 'identifier';
        this.identStart = j;
        this.identEnd = end;
        j = end;
      } else if (c === STAR || c === COMMA) {
        j++;
      } else if (c === OPEN_BRACE) {
        const close = this.namedBindingsEnd(j + 1);
        // Not a binding list (an object literal, a body): let the main loop read it.
        if (close < 0) return this.resumeAt(j);
        j = close;
      } else {
        return j;
      }
    }
  }

  private resumeAt(j: number): number {
    this.prev = 'punctuator';
    return j;
  }

  /** Index past the `}` of `{ a, type b, c as d, "e-f" as g }`, or -1 if it is not that. */
  private namedBindingsEnd(from: number): number {
    const { src } = this;
    let j = from;
    for (;;) {
      j = skipTrivia(src, j);
      const c = src.charCodeAt(j);
      if (c === CLOSE_BRACE) return j + 1;
      if (isIdentifierChar(c)) {
        while (j < src.length && isIdentifierChar(src.charCodeAt(j))) j++;
      } else if (c === COMMA) {
        j++;
      } else if (c === SINGLE_QUOTE || c === DOUBLE_QUOTE) {
        j = stringEnd(src, j);
      } else {
        return -1;
      }
    }
  }

  private slash(i: number): number {
    const next = this.src.charCodeAt(i + 1);
    if (next === SLASH) return lineEnd(this.src, i);
    if (next === STAR) return blockCommentEnd(this.src, i);
    if (this.regexAllowed()) {
      this.prev = 'value';
      return regexEnd(this.src, i);
    }
    this.prev = 'punctuator';
    return i + 1;
  }

  private regexAllowed(): boolean {
    if (this.prev === 'punctuator') return true;
    if (this.prev === 'value') return false;
    return keywordsBeforeExpression.has(this.src.slice(this.identStart, this.identEnd));
  }

  /** Scans template text from `i`; returns past the closing backtick or past a `${`. */
  private template(i: number): number {
    const { src } = this;
    for (let j = i; j < src.length; j++) {
      const c = src.charCodeAt(j);
      if (c === BACKSLASH) j++;
      else if (c === BACKTICK) {
        this.prev = 'value';
        return j + 1;
      } else if (c === DOLLAR && src.charCodeAt(j + 1) === OPEN_BRACE) {
        this.templateDepths.push(this.braceDepth);
        this.prev = 'punctuator';
        return j + 2;
      }
    }
    return src.length;
  }
}
