import { type Diagnostic, MainlineError, type Workspace } from '@mainline/core';
import { byPosition, keepFewPerKind, omittedDiagnostic } from './bounded.ts';
import { type BuildFileJson, isRecord, type JsonPath } from './build-file-json.ts';
import { countKeysOfValid, duplicateKeyProblems } from './duplicate-keys.ts';
import { JsonLocator, type Position } from './json-locator.ts';
import { tooDeepAt } from './json-scan.ts';
import { type Problem, text } from './problem.ts';
import { schemaProblems } from './schema-problems.ts';
import { semanticProblems } from './semantic-problems.ts';
import { leniencyProblem, syntaxProblems } from './syntax-problems.ts';
import { toWorkspace } from './to-workspace.ts';

export interface BuildFile {
  /** Display path, e.g. 'BUILD.json'. */
  readonly file: string;
  readonly text: string;
  /** Defaults applied. */
  readonly workspace: Workspace;
  /**
   * 1-based position of a JSON path like ['targets', 'libs/a', 'srcs', 0], for diagnostics.
   * Lazy: the syntax tree is built on the first call only.
   */
  locate(path: readonly (string | number)[]): Position;
}

export interface ParseOptions {
  /**
   * The caller knows this exact text passed every check before (same content hash, same
   * mainline version): skip the checks, which cost more than parsing on a large file.
   */
  readonly trusted?: boolean;
}

/** A 10,000-target BUILD.json is about 3 MB; reading ten times that is a mistake or an attack. */
export const maxBuildFileLength = 32 * 1024 * 1024;
/** Nesting the syntax-error path reads (its parser recurses); a valid BUILD.json has 4 levels. */
const maxSyntaxDepth = 64;

/**
 * Parses and checks BUILD.json. The happy path is JSON.parse, the precompiled schema
 * validator and linear checks; positions are only computed when something is wrong.
 * Throws MainlineError('buildFileInvalid') carrying the problems as diagnostics: the first
 * few of each kind, then a count of the others (bounded.ts), whatever the file holds.
 */
export function parseBuildFile(text: string, file: string, options: ParseOptions = {}): BuildFile {
  checkBuildFileSize(file, text.length);
  // A BOM is an editor's doing, not a syntax error; a space keeps every offset in place.
  const source = text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text;
  const locator = new JsonLocator(source);
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw invalid(file, locator, syntaxOrDepthProblems(source, locator, message));
  }
  // Enumerating 10,000 keys is not free: do it once for every pass.
  const names = isRecord(data) && isRecord(data.targets) ? Object.keys(data.targets) : [];
  if (options.trusted) return built(file, text, data as BuildFileJson, names, locator);
  const schema = schemaProblems(data);
  const valid = schema.length === 0;
  const problems = [
    ...schema,
    ...duplicateKeyProblems(
      source,
      valid ? countKeysOfValid(data as BuildFileJson, names) : undefined,
      locator,
    ),
    ...semanticProblems(data, names),
  ];
  if (problems.length > 0) throw invalid(file, locator, problems);
  return built(file, text, data as BuildFileJson, names, locator);
}

function built(
  file: string,
  text: string,
  data: BuildFileJson,
  names: readonly string[],
  locator: JsonLocator,
): BuildFile {
  return {
    file,
    text,
    workspace: toWorkspace(data, names, locator),
    locate: (path: JsonPath) => locator.position(locator.offsetOfPath(path, false)),
  };
}

/**
 * A text JSON.parse rejected. Its syntax errors come from a parser that recurses, so a
 * text nested too deep is reported as such (with the engine's own message), unparsed.
 */
function syntaxOrDepthProblems(source: string, locator: JsonLocator, message: string): Problem[] {
  const deep = tooDeepAt(source, maxSyntaxDepth);
  if (deep === -1) return syntaxProblems(source, locator, message);
  return [
    {
      code: 'tooDeep',
      at: { offset: deep },
      message: `arrays and objects nested more than ${maxSyntaxDepth} levels deep`,
      hint: 'a BUILD.json is 4 levels deep: {"targets": {"<name>": {"srcs": ["<glob>"]}}}',
    },
    leniencyProblem(message, source.length),
  ];
}

/**
 * Throws buildFileInvalid when a BUILD.json of this size (bytes or characters) is more than
 * mainline reads: callers that read the file themselves check its size first.
 */
export function checkBuildFileSize(file: string, length: number): void {
  if (length <= maxBuildFileLength) return;
  const mib = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MiB`;
  throw new MainlineError(
    'buildFileInvalid',
    `${file} is too large to read: ${mib(length)}, over ${mib(maxBuildFileLength)}`,
    {
      hint: 'a 10,000-target BUILD.json is about 3 MB: look for a generated or pasted block',
      diagnostics: [
        {
          severity: 'error',
          file,
          line: 1,
          column: 1,
          code: 'tooLarge',
          message: `${mib(length)} is more than the ${mib(maxBuildFileLength)} mainline reads`,
        },
      ],
    },
  );
}

function invalid(file: string, locator: JsonLocator, problems: readonly Problem[]): MainlineError {
  const { kept, overflow } = keepFewPerKind(problems);
  const diagnostics: Diagnostic[] = kept.map((problem) => ({
    severity: 'error' as const,
    file,
    ...locator.locate(problem.at),
    code: problem.code,
    message: text(problem.message),
    hint: text(problem.hint),
  }));
  for (const more of overflow) {
    const where = { severity: 'error' as const, file, ...locator.locate(more.first.at) };
    diagnostics.push(omittedDiagnostic(more, where));
  }
  let total = 0;
  for (const problem of problems) total += problem.count ?? 1;
  const count = total === 1 ? '1 problem' : `${total.toLocaleString('en-US')} problems`;
  return new MainlineError('buildFileInvalid', `${file} is invalid (${count})`, {
    hint: 'fix each problem at the position shown; a "$schema" key pointing at mainline\'s build.schema.json lets editors check the file as you type',
    diagnostics: byPosition(diagnostics),
  });
}
