import { type Diagnostic, MainlineError, type Workspace } from '@mainline/core';
import { type BuildFileJson, isRecord, type JsonPath } from './build-file-json.ts';
import { countKeysOfValid, duplicateKeyProblems } from './duplicate-keys.ts';
import { JsonLocator, type Position } from './json-locator.ts';
import type { Problem } from './problem.ts';
import { schemaProblems } from './schema-problems.ts';
import { semanticProblems } from './semantic-problems.ts';
import { syntaxProblems } from './syntax-problems.ts';
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

/**
 * Parses and checks BUILD.json. The happy path is JSON.parse, the precompiled schema
 * validator and linear checks; positions are only computed when something is wrong.
 * Throws MainlineError('buildFileInvalid') carrying every problem as a diagnostic.
 */
export function parseBuildFile(text: string, file: string, options: ParseOptions = {}): BuildFile {
  // A BOM is an editor's doing, not a syntax error; a space keeps every offset in place.
  const source = text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text;
  const locator = new JsonLocator(source);
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw invalid(file, locator, syntaxProblems(source, locator, message));
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

function invalid(file: string, locator: JsonLocator, problems: readonly Problem[]): MainlineError {
  const diagnostics: Diagnostic[] = problems
    .map((problem) => ({
      severity: 'error' as const,
      file,
      ...locator.locate(problem.at),
      message: problem.message,
      hint: problem.hint,
    }))
    .sort((a, b) => a.line - b.line || a.column - b.column);
  const count = diagnostics.length === 1 ? '1 problem' : `${diagnostics.length} problems`;
  return new MainlineError('buildFileInvalid', `${file} is invalid (${count})`, {
    hint: 'fix each problem at the position shown; a "$schema" key pointing at mainline\'s build.schema.json lets editors check the file as you type',
    diagnostics,
  });
}
