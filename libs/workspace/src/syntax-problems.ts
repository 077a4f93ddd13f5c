import { type ParseError, parse, printParseErrorCode } from 'jsonc-parser';
import type { JsonLocator } from './json-locator.ts';
import { type Problem, shown } from './problem.ts';

const strictJsonHint =
  'BUILD.json is strict JSON: double-quoted strings and names, no comments, no trailing commas';

// Keyed by name: ParseErrorCode is an ambient const enum, unusable under isolatedModules.
const messages: Readonly<Record<string, string>> = {
  InvalidNumberFormat: 'invalid number',
  PropertyNameExpected: 'expected a property name in double quotes',
  ValueExpected: 'expected a value',
  ColonExpected: "expected ':' after the property name",
  CommaExpected: "expected ',' between elements",
  CloseBraceExpected: "expected '}' to close the object",
  CloseBracketExpected: "expected ']' to close the array",
  EndOfFileExpected: 'unexpected content after the end of the document',
  InvalidCommentToken: 'comments are not allowed in JSON',
  UnexpectedEndOfComment: 'comments are not allowed in JSON',
  UnexpectedEndOfString: 'unterminated string',
  UnexpectedEndOfNumber: 'incomplete number',
  InvalidUnicode: 'invalid unicode escape in string',
  InvalidEscapeCharacter: 'invalid escape sequence in string',
  InvalidCharacter: 'control characters must be escaped in strings',
};

/**
 * Syntax problems of a text JSON.parse rejected. jsonc-parser recovers exactly from comments
 * and trailing commas, so all of those are reported; after any other error its recovery is
 * a guess and what follows is often a cascade, so reporting stops at the first such error.
 */
export function syntaxProblems(text: string, locator: JsonLocator, fallback: string): Problem[] {
  const errors: ParseError[] = [];
  parse(text, errors, { disallowComments: true, allowTrailingComma: false });
  const problems: Problem[] = [];
  let lastLine = 0;
  for (const error of errors) {
    const trailingComma = trailingCommaBefore(text, error);
    const offset = trailingComma ?? error.offset;
    const { line } = locator.position(offset);
    if (line === lastLine) continue;
    lastLine = line;
    if (trailingComma !== undefined) {
      problems.push({
        code: 'syntax',
        at: { offset },
        message: 'trailing comma is not allowed in JSON',
        hint: 'remove the comma after the last element',
      });
      continue;
    }
    problems.push({ code: 'syntax', at: { offset }, ...describe(text, error) });
    if (!isComment(error)) break;
  }
  if (problems.length === 0) problems.push(leniencyProblem(fallback, text.length));
  return problems;
}

function isComment(error: ParseError): boolean {
  const code = printParseErrorCode(error.error);
  return code === 'InvalidCommentToken' || code === 'UnexpectedEndOfComment';
}

/**
 * The engine's own message, at the position it names: when jsonc-parser, a little more
 * lenient than JSON.parse in corners, finds nothing, and when the text is too deep for it.
 */
export function leniencyProblem(fallback: string, length: number): Problem {
  const position = /at position (\d+)/.exec(fallback)?.[1];
  const atEnd = /end of JSON input/.test(fallback);
  return {
    code: 'syntax',
    at: { offset: position !== undefined ? Number(position) : atEnd ? length : 0 },
    message: `invalid JSON: ${fallback}`,
    hint: strictJsonHint,
  };
}

function describe(text: string, error: ParseError): { message: string; hint: string } {
  const code = printParseErrorCode(error.error);
  if (code === 'InvalidSymbol') {
    const symbol = text.slice(error.offset, error.offset + Math.min(error.length, 20));
    if (/^\s$/.test(symbol)) {
      const unicode = symbol.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
      return {
        message: `unexpected whitespace character U+${unicode}`,
        hint: 'JSON allows only spaces, tabs and line breaks between tokens: replace it with a space',
      };
    }
    if (symbol.startsWith("'")) {
      return { message: 'strings and property names need double quotes', hint: strictJsonHint };
    }
    return { message: `unexpected ${shown(symbol)}`, hint: strictJsonHint };
  }
  return { message: messages[code] ?? 'invalid JSON', hint: strictJsonHint };
}

/** Offset of the comma when an error sits on a `}` or `]` right after one. */
function trailingCommaBefore(text: string, error: ParseError): number | undefined {
  const closer = text[error.offset];
  if (closer !== '}' && closer !== ']') return undefined;
  let i = error.offset - 1;
  while (i >= 0 && /\s/.test(text[i] ?? '')) i--;
  return text[i] === ',' ? i : undefined;
}
