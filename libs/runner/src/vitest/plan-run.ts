import { existsSync, realpathSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { MainlineError } from '@mainline/core';
import type { TestFileRequest, TestLimits, VitestRunRequest } from './test-results.ts';

/** vitest's own per-test timeout, and a file limit that lets slow suites finish. */
export const defaultTestLimits = { testMs: 5_000, fileMs: 120_000 } as const;

/** Limits with every value known. */
export interface FullLimits {
  readonly testMs: number;
  readonly fileMs: number;
}

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
  /** The request's limits, defaults filled in: what a file without its own gets. */
  readonly defaults: FullLimits;
  /** Request file -> its limits, for files whose limits differ from `defaults`. */
  readonly limits: ReadonlyMap<string, FullLimits>;
}

/**
 * Checks a request (files relative to the root, inside it; retries and workers whole
 * numbers) and finds which of its files exist. A bad request is a caller's bug: 'internal'.
 */
export function planRun(request: VitestRunRequest): RunPlan {
  checkNumbers(request);
  const root = resolve(request.root);
  const defaults = { ...defaultTestLimits, ...request.limits };
  const targets = new Map<string, string[]>();
  const limits = new Map<string, FullLimits>();
  for (const entry of request.files) {
    checkFile(entry);
    const list = targets.get(entry.file);
    if (!list) targets.set(entry.file, [entry.target]);
    else if (!list.includes(entry.target)) list.push(entry.target);
    if (entry.limits) {
      // A file of several targets runs once: under the lowest of their limits.
      const known = limits.get(entry.file) ?? defaults;
      limits.set(entry.file, {
        testMs: Math.min(known.testMs, entry.limits.testMs ?? defaults.testMs),
        fileMs: Math.min(known.fileMs, entry.limits.fileMs ?? defaults.fileMs),
      });
    }
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
  return { root, files, missing, byModuleId, targets, defaults, limits };
}

function checkFile({ file, target, limits }: TestFileRequest): void {
  if (limits) checkLimits(limits, `limits of ${file}`);
  const segments = file.split(/[\\/]/);
  if (file === '' || isAbsolute(file) || segments.includes('..') || file.includes('\\')) {
    throw new MainlineError(
      'internal',
      `test file '${file}' of ${target} is not a path inside the root with '/' separators`,
      { hint: 'pass test files relative to the repository root, as BUILD.json globs match them' },
    );
  }
}

const bad = (name: string, value: number) =>
  new MainlineError('internal', `runVitest: ${name} must be a whole number, got ${value}`);

function checkNumbers(request: VitestRunRequest): void {
  const { retries, maxWorkers, workerMemoryMb } = request;
  if (!Number.isInteger(retries) || retries < 0) throw bad('retries', retries);
  if (maxWorkers !== undefined && (!Number.isInteger(maxWorkers) || maxWorkers < 1)) {
    throw bad('maxWorkers', maxWorkers);
  }
  if (workerMemoryMb !== undefined && (!Number.isInteger(workerMemoryMb) || workerMemoryMb < 1)) {
    throw bad('workerMemoryMb', workerMemoryMb);
  }
  if (request.limits) checkLimits(request.limits, 'limits');
}

function checkLimits(limits: TestLimits, name: string): void {
  for (const [key, value] of Object.entries(limits)) {
    if (value !== undefined && (!Number.isInteger(value) || value < 1)) {
      throw bad(`${name}.${key}`, value);
    }
  }
}
