import { isAbsolute, relative, resolve, sep } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import type { SourceLocation } from '@mainline/core';

/** The part of vitest's serialized error this reads (`TestError` in `@vitest/utils`). */
export interface ReportedError {
  readonly message?: string;
  readonly name?: string;
  readonly stack?: string;
  readonly stacks?: readonly {
    readonly file: string;
    readonly line: number;
    readonly column: number;
  }[];
}

export interface LocatedFailure {
  readonly message: string;
  readonly location?: SourceLocation;
}

export interface FailureContext {
  /** Absolute root the run's files are relative to. */
  readonly root: string;
  /** Absolute path of the test file the error belongs to. */
  readonly testFile: string;
  /** Where the test was declared: the fallback when no stack frame is in the sources. */
  readonly declaredAt?: { readonly line: number; readonly column: number };
  /** The test file's text, to find the import line of a module that failed to resolve. */
  readonly source?: string;
}

/** The message of a failure, plain text, with the error's class unless it is a plain Error. */
export function failureMessage(error: ReportedError): string {
  const message = stripVTControlCharacters(error.message ?? '').trim();
  const name = error.name;
  if (!name || name === 'Error' || name === 'AssertionError' || message.startsWith(`${name}:`)) {
    return message || name || 'unknown error';
  }
  return message ? `${name}: ${message}` : name;
}

/**
 * Message and `file:line` of a failure: the first stack frame in the test file (stacks
 * are source-mapped by vitest), else the first frame in the repository's own sources,
 * else for a file that did not load the position its error names or the line importing
 * the missing module, else where the test was declared.
 */
export function locateFailure(error: ReportedError, context: FailureContext): LocatedFailure {
  const message = failureMessage(error);
  const location =
    frameIn(error, context, (file) => file === context.testFile) ??
    frameIn(error, context, (file) => isOwnSource(file, context.root)) ??
    positionInMessage(message, context) ??
    importLine(message, context) ??
    declaration(context);
  return location ? { message, location } : { message };
}

function frameIn(
  error: ReportedError,
  context: FailureContext,
  accept: (file: string) => boolean,
): SourceLocation | undefined {
  for (const frame of error.stacks ?? stackFrames(error.stack ?? '')) {
    const file = cleanPath(frame.file);
    if (isAbsolute(file) && accept(file)) {
      return { file: relativePath(context.root, file), line: frame.line, column: frame.column };
    }
  }
  return undefined;
}

/** Frames of a V8 stack text (vitest parses test errors into `stacks`, not unhandled ones). */
function stackFrames(stack: string): { file: string; line: number; column: number }[] {
  const frames: { file: string; line: number; column: number }[] = [];
  for (const match of stack.matchAll(/^\s*at (?:.*? \()?(.+?):(\d+):(\d+)\)?$/gm)) {
    const [, file = '', line = '', column = ''] = match;
    frames.push({ file, line: Number(line), column: Number(column) });
  }
  return frames;
}

function isOwnSource(file: string, root: string): boolean {
  const path = relative(root, file);
  return (
    path !== '' &&
    !path.startsWith('..') &&
    !isAbsolute(path) &&
    !/(^|[\\/])node_modules[\\/]/.test(path)
  );
}

/** Parse errors name `path:line:col` (path relative to the process's cwd, so match the tail). */
function positionInMessage(message: string, context: FailureContext): SourceLocation | undefined {
  for (const match of message.matchAll(/([^\s[\]()'"`]+):(\d+):(\d+)/g)) {
    const [, path = '', line = '', column = ''] = match;
    const tail = cleanPath(path).replace(/^(\.\.?\/)+/, '');
    if (tail && (context.testFile === tail || context.testFile.endsWith(`/${tail}`))) {
      return {
        file: relativePath(context.root, context.testFile),
        line: Number(line),
        column: Number(column),
      };
    }
  }
  return undefined;
}

/** "Cannot find module './x.ts' imported from ...": the first line of the file naming it. */
function importLine(message: string, context: FailureContext): SourceLocation | undefined {
  const specifier = /Cannot find (?:module|package) '([^']+)'/.exec(message)?.[1];
  if (!specifier || context.source === undefined) return undefined;
  const lines = context.source.split('\n');
  const index = lines.findIndex(
    (line) => line.includes(`'${specifier}'`) || line.includes(`"${specifier}"`),
  );
  if (index === -1) return undefined;
  const column = (lines[index] ?? '').indexOf(specifier) + 1;
  return { file: relativePath(context.root, context.testFile), line: index + 1, column };
}

function declaration(context: FailureContext): SourceLocation | undefined {
  if (!context.declaredAt) return undefined;
  return { file: relativePath(context.root, context.testFile), ...context.declaredAt };
}

/** Stack paths may be file URLs or carry a vite query (`?v=123`). */
function cleanPath(file: string): string {
  const path = file.startsWith('file://') ? decodeURIComponent(new URL(file).pathname) : file;
  return path.replace(/[?#].*$/, '');
}

/** `file` relative to `root`, with `/` separators. */
export function relativePath(root: string, file: string): string {
  return relative(root, resolve(root, file)).split(sep).join('/');
}
