import { type Diagnostic, MainlineError } from '@mainline/core';
import type { JsonPath } from '../build-file-json.ts';
import { JsonLocator } from '../json-locator.ts';
import { shown } from '../problem.ts';
import { validate } from '../schema/validate-settings.generated.js';
import type { Settings } from './settings.ts';

/**
 * Parses and checks mainline.json against its schema (schema/mainline.schema.json, compiled
 * into a standalone validator). Throws MainlineError('settingsInvalid') with every problem
 * at its line and column.
 */
export function parseSettings(text: string, file: string): Settings {
  const source = text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text;
  const locator = new JsonLocator(source);
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const at = /position (\d+)/.exec(message)?.[1];
    throw invalid(file, [
      {
        severity: 'error',
        file,
        ...locator.position(at === undefined ? 0 : Number(at)),
        message: `not valid JSON: ${message}`,
        hint: 'mainline.json is strict JSON: double-quoted names and strings, no comments, no trailing commas',
      },
    ]);
  }
  if (validate(data)) return data as Settings;
  const diagnostics: Diagnostic[] = (validate.errors ?? []).map((error): Diagnostic => {
    const path = pointerToPath(error.instancePath);
    const field = error.params.additionalProperty;
    const unknown = error.keyword === 'additionalProperties' && typeof field === 'string';
    const where = path.length === 0 ? 'the top level' : `'${path.join('.')}'`;
    const at = locator.locate({ path: unknown ? [...path, field] : path, key: unknown });
    if (unknown && secretField.test(field)) {
      return {
        severity: 'error',
        file,
        ...at,
        message: `${shown(field)} in ${where} looks like a secret: mainline.json never holds one (it is committed)`,
        hint: 'remove it and set MAINLINE_REMOTE_CACHE_TOKEN (bearer), or MAINLINE_REMOTE_CACHE_USER and MAINLINE_REMOTE_CACHE_PASSWORD (basic), in the environment',
      };
    }
    return {
      severity: 'error',
      file,
      ...at,
      message: unknown ? `unknown field ${shown(field)} in ${where}` : `${where} ${error.message}`,
      hint: 'see the settings in the README, or point "$schema" at mainline.schema.json so editors check the file',
    };
  });
  throw invalid(
    file,
    diagnostics.sort((a, b) => a.line - b.line || a.column - b.column),
  );
}

/** Field names that hold credentials: refused with a hint to use the environment instead. */
const secretField = /token|password|secret|credential/i;

function invalid(file: string, diagnostics: readonly Diagnostic[]): MainlineError {
  const count = diagnostics.length === 1 ? '1 problem' : `${diagnostics.length} problems`;
  return new MainlineError('settingsInvalid', `${file} is invalid (${count})`, {
    hint: 'fix each problem at the position shown, or delete the file to use the defaults',
    diagnostics,
  });
}

function pointerToPath(pointer: string): JsonPath {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((raw) => raw.replace(/~1/g, '/').replace(/~0/g, '~'));
}
