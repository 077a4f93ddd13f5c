import { readFileSync } from 'node:fs';
import type { MainlineError } from '@mainline/core';

/**
 * The JSON document in `file`, once `accepts` says it has the shape wanted; an unreadable
 * file, broken JSON or another shape throws `invalid(why)`, which names the file.
 */
export function readCheckedJson<T>(
  file: string,
  accepts: (value: unknown) => value is T,
  invalid: (why: string) => MainlineError,
  shape: string,
): T {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw invalid(error instanceof Error ? error.message : String(error));
  }
  if (!accepts(value)) throw invalid(`it is not ${shape}`);
  return value;
}
