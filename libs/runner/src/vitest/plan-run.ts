import { existsSync, realpathSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { MainlineError } from '@mainline/core';
import type { TestFileRequest, VitestRunRequest } from './test-results.ts';

/** A checked request: which files run, under which absolute paths, for which targets. */
export interface RunPlan {
  readonly root: string;
  /** Existing request files, once each, in request order. */
  readonly files: readonly string[];
  readonly missing: ReadonlySet<string>;
  /** Absolute path (as given to vitest, and its real path) -> request file. */
  readonly byModuleId: ReadonlyMap<string, string>;
  /** Request file -> targets, in request order. */
  readonly targets: ReadonlyMap<string, readonly string[]>;
}

/**
 * Checks a request (files relative to the root, inside it; retries and workers whole
 * numbers) and finds which of its files exist. A bad request is a caller's bug: 'internal'.
 */
export function planRun(request: VitestRunRequest): RunPlan {
  checkNumbers(request);
  const root = resolve(request.root);
  const targets = new Map<string, string[]>();
  for (const entry of request.files) {
    checkFile(entry);
    const list = targets.get(entry.file);
    if (!list) targets.set(entry.file, [entry.target]);
    else if (!list.includes(entry.target)) list.push(entry.target);
  }
  const files: string[] = [];
  const missing = new Set<string>();
  const byModuleId = new Map<string, string>();
  for (const file of targets.keys()) {
    const path = join(root, file);
    if (!existsSync(path)) {
      missing.add(file);
      continue;
    }
    files.push(file);
    byModuleId.set(path, file);
    byModuleId.set(realpathSync(path), file);
  }
  return { root, files, missing, byModuleId, targets };
}

function checkFile({ file, target }: TestFileRequest): void {
  const segments = file.split(/[\\/]/);
  if (file === '' || isAbsolute(file) || segments.includes('..') || file.includes('\\')) {
    throw new MainlineError(
      'internal',
      `test file '${file}' of ${target} is not a path inside the root with '/' separators`,
      { hint: 'pass test files relative to the repository root, as BUILD.json globs match them' },
    );
  }
}

function checkNumbers(request: VitestRunRequest): void {
  const { retries, maxWorkers, testTimeoutMs } = request;
  const bad = (name: string, value: number) =>
    new MainlineError('internal', `runVitest: ${name} must be a whole number, got ${value}`);
  if (!Number.isInteger(retries) || retries < 0) throw bad('retries', retries);
  if (maxWorkers !== undefined && (!Number.isInteger(maxWorkers) || maxWorkers < 1)) {
    throw bad('maxWorkers', maxWorkers);
  }
  if (testTimeoutMs !== undefined && (!Number.isInteger(testTimeoutMs) || testTimeoutMs < 1)) {
    throw bad('testTimeoutMs', testTimeoutMs);
  }
}
