import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { Diagnostic } from '@mainline/core';
import type { CheckerMessage } from './checker-output.ts';

/** A type error, on the target that owns its file (undefined for none: config problems). */
export interface TypeDiagnostic extends Diagnostic {
  /** `TS2322`. */
  readonly code: string;
  readonly target: string | undefined;
}

/**
 * The checker's messages with repo-relative files (it prints them relative to its working
 * folder, the root; absolute when outside), each on its owning target. Messages without a
 * file are put on `configFile`, the repository config the options came from.
 */
export function typeDiagnostics(
  messages: readonly CheckerMessage[],
  root: string,
  configFile: string,
  ownerOf: (file: string) => string | undefined,
): TypeDiagnostic[] {
  return messages.map((message) => {
    if (message.file === undefined) return { ...message, file: configFile, target: undefined };
    const file = repoFile(root, message.file);
    return { ...message, file, target: ownerOf(file) };
  });
}

/** Targets with at least one error: those of `order` first, in that order, then the rest. */
export function failedTargets(
  order: readonly string[],
  diagnostics: readonly TypeDiagnostic[],
): string[] {
  const failed = new Set<string>();
  for (const d of diagnostics) {
    if (d.severity === 'error' && d.target !== undefined) failed.add(d.target);
  }
  return [...new Set([...order.filter((name) => failed.has(name)), ...failed])];
}

export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

function repoFile(root: string, printed: string): string {
  const full = resolve(root, printed);
  return isInside(root, full) ? relative(root, full).split(sep).join('/') : full;
}
