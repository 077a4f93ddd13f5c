import { mkdtempSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ArtifactCache, LookupResult } from '@mainline/cache';
import {
  type Diagnostic,
  type RunEventBody,
  removeInside,
  type Target,
  type TargetBuildResult,
} from '@mainline/core';
import { runSchedule, type TypecheckResult, type WorkspacePackages } from '@mainline/runner';
import { ensureStateFolder } from '@mainline/state';
import type { Executor } from './executor.ts';
import type { LoadedRun, PreparedRun } from './prepare-run.ts';
import type { ReadAhead } from './read-ahead.ts';
import type { RunRecorder } from './run-recorder.ts';
import { keyMarker, outputFolder, readMarker } from './output-folders.ts';
import { linkPolicy, readableSources, sourceLinks, withoutRefusedLinks } from './source-links.ts';
import { strictDepsProblems } from './strict-deps-check.ts';

export interface BuildOptions {
  readonly concurrency: number;
  readonly failFast: boolean;
  readonly typecheck: boolean;
  /**
   * Build every target anew: no cache lookup, no outputs taken as in place (the nightly,
   * which checks the cache's honesty). Green builds are still stored.
   */
  readonly fresh?: boolean;
  readonly signal: AbortSignal;
}

export interface BuildContext {
  readonly run: PreparedRun;
  /** Read when something is built: a fully cached run never reads them. */
  readonly packages: () => Promise<WorkspacePackages>;
  readonly cache: ArtifactCache;
  readonly recorder: RunRecorder;
  readonly options: BuildOptions;
  readonly executor: Executor;
  readonly emit: (event: RunEventBody) => void;
  /** Targets whose cache entry was found damaged: said on their rebuilt result. */
  readonly corrupt?: ReadonlyMap<string, Diagnostic>;
  /** Output markers read while git snapshotted the tree. */
  readonly readAhead?: ReadAhead;
}

/** The run's scratch folder under the state dir (made by runPipeline). */
function tmpFolder(state: string): string {
  return join(state, 'tmp');
}

/**
 * A new empty folder in `tmp/`, for one use by this process (`out-<pid>-<random>`): two
 * targets, two runs, or a pid reused by a later process never share one.
 */
function scratchFolder(state: string, use: 'out' | 'restore' | 'old'): string {
  return mkdtempSync(join(tmpFolder(state), `${use}-${process.pid}-`));
}

/**
 * Builds the run's targets, deps first, in parallel: a target whose build key is cached
 * has its outputs restored; any other is checked for strict deps, compiled by esbuild
 * and (in one checker process for all of them) type-checked against its deps' sources,
 * then stored in the cache when green. Red and skipped targets are results, not errors.
 */
export async function buildTargets(given: BuildContext): Promise<TargetBuildResult[]> {
  let context = given;
  const { run, cache, options } = context;
  const names = run.selected.builds;
  const markerOf = (folder: string) =>
    context.readAhead ? context.readAhead.marker(folder) : readMarker(folder);
  // Every output folder is checked before anything is built, restored or replaced.
  const folders = new Map(names.map((name) => [name, outputFolder(run.state, name)]));
  // Outputs already in place under their key need no cache entry: the usual case of a
  // fully cached run, which then reads one small file per target instead of two.
  const inPlace = new Set(
    options.fresh
      ? []
      : names.filter((name) => markerOf(folders.get(name) as string) === buildKey(run, name)),
  );
  const lookups = new Map<string, LookupResult>();
  await Promise.all(
    names
      .filter((name) => !options.fresh && !inPlace.has(name))
      .map(async (name) => lookups.set(name, await cache.lookup(buildKey(run, name)))),
  );
  const misses = names.filter((name) => !inPlace.has(name) && lookups.get(name)?.kind !== 'hit');
  const corrupt = new Map<string, Diagnostic>();
  for (const [name, lookup] of lookups) {
    if (lookup.kind === 'miss' && lookup.reason !== 'absent') {
      corrupt.set(name, {
        severity: 'warning',
        file: context.cache.location,
        line: 1,
        column: 1,
        message: `cache entry ${lookup.reason} (${lookup.detail}): rebuilt`,
      });
    }
  }
  context = { ...context, corrupt };
  // The snapshot's files and the packages are read only when something is built.
  const inputs = misses.length > 0 ? await buildInputs(context) : undefined;
  const types = options.typecheck && inputs ? startTypecheck(context, inputs, misses) : undefined;
  const results = new Map<string, TargetBuildResult>();
  const finish = (result: TargetBuildResult): TargetBuildResult => {
    results.set(result.target, result);
    context.recorder.build(result, buildKey(run, result.target));
    context.emit({ type: 'build-finished', result });
    return result;
  };
  if (inPlace.size === names.length) {
    // Nothing to build or restore, the usual fully cached run: no schedule to run (its
    // promises cost 0.02 s per 1,000 targets), each target done in turn.
    for (const name of names) {
      context.emit({ type: 'build-started', target: name });
      finish(cachedResult(name, performance.now()));
    }
    return names.map((name) => results.get(name) as TargetBuildResult);
  }
  const tasks = names.map((name) => ({ name, deps: targetOf(run, name).deps }));
  try {
    const outcomes = await runSchedule(
      tasks,
      async (name) => {
        context.emit({ type: 'build-started', target: name });
        const lookup = lookups.get(name);
        const result = inPlace.has(name)
          ? cachedResult(name, performance.now())
          : lookup?.kind === 'hit'
            ? await restore(context, name, lookup.action)
            : await buildOne(context, inputs ?? (await buildInputs(context)), name, types);
        return { ok: finish(result).status !== 'failed', value: result };
      },
      { concurrency: options.concurrency, failFast: options.failFast, signal: options.signal },
    );
    for (const [name, outcome] of outcomes) {
      if (outcome.kind === 'skipped') {
        finish({
          target: name,
          status: 'skipped',
          durationMs: 0,
          diagnostics: [],
          failedDep: outcome.failedDep,
        });
      } else if (outcome.kind === 'not-run') {
        finish({ target: name, status: 'not-run', durationMs: 0, diagnostics: [] });
      }
    }
  } finally {
    // A failed or interrupted run must not leave the checker's rejection unobserved.
    types?.catch(() => undefined);
  }
  return names.map((name) => results.get(name) as TargetBuildResult);
}

/** What building reads beyond the keys: the snapshot's files and the packages. */
interface BuildInputs {
  readonly run: LoadedRun;
  readonly packages: WorkspacePackages;
}

async function buildInputs(context: BuildContext): Promise<BuildInputs> {
  const [run, packages] = await Promise.all([context.run.loaded(), context.packages()]);
  return { run, packages };
}

function startTypecheck(
  context: BuildContext,
  { run, packages }: BuildInputs,
  misses: readonly string[],
): Promise<TypecheckResult> {
  const checking = context.executor.typecheck({
    root: run.root,
    targets: withoutRefusedLinks(run, misses).map((name) => ({
      name,
      files: readableSources(run, name),
    })),
    packages,
    owners: (path) => run.owners.owners(path),
    tempDir: tmpFolder(run.state),
    signal: context.options.signal,
    ...(run.checker ? { checker: run.checker } : {}),
  });
  // Awaited by each build; a checker that cannot start fails the run through them.
  checking.catch(() => undefined);
  return checking;
}

async function buildOne(
  context: BuildContext,
  inputs: BuildInputs,
  name: string,
  types: Promise<TypecheckResult> | undefined,
): Promise<TargetBuildResult> {
  const started = performance.now();
  const { run, packages } = inputs;
  const target = targetOf(run, name);
  // A source the link rule refuses is never read, by any tool: the target fails on it.
  const refused = sourceLinks(run, name).problems;
  if (refused.length > 0) {
    const durationMs = performance.now() - started;
    return { target: name, status: 'failed', durationMs, diagnostics: [...refused] };
  }
  const sources = readableSources(run, name);
  const strict = strictDepsProblems(run, packages, name, sources);
  const staging = scratchFolder(run.state, 'out');
  try {
    const compiled = await context.executor.compile({
      root: run.root,
      target,
      files: sources,
      outDir: staging,
      packages,
      links: linkPolicy(run, name),
    });
    // An error on no target (a broken tsconfig) voids every check: it fails them all.
    const typeErrors = types
      ? (await types).diagnostics.filter((d) => d.target === name || d.target === undefined)
      : [];
    const diagnostics: Diagnostic[] = [...strict, ...compiled.diagnostics, ...typeErrors];
    const failed = diagnostics.some((d) => d.severity === 'error');
    const durationMs = performance.now() - started;
    if (!failed) {
      const key = buildKey(run, name);
      const stored = await storeOutputs(context, key, staging, compiled.outputs, durationMs, name);
      if (stored) diagnostics.push(stored);
      replaceOutputs(run.state, name, staging, key);
    }
    const corrupt = context.corrupt?.get(name);
    if (corrupt) diagnostics.unshift(corrupt);
    return { target: name, status: failed ? 'failed' : 'passed', durationMs, diagnostics };
  } finally {
    removeInside(tmpFolder(run.state), staging);
  }
}

/**
 * Stores a green build's outputs; a cache that cannot be written (a full disk, a broken
 * folder) costs the next run a rebuild, not this run its result: a warning says so.
 */
async function storeOutputs(
  context: BuildContext,
  key: string,
  rootDir: string,
  files: readonly string[],
  durationMs: number,
  name: string,
): Promise<Diagnostic | undefined> {
  try {
    await context.cache.store(key, { rootDir, files, durationMs, labels: { target: name } });
    return undefined;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      severity: 'warning',
      file: context.cache.location,
      line: 1,
      column: 1,
      message: `built, but not cached: ${reason}`,
      hint: 'the next run builds it again; check the disk space and the folder',
    };
  }
}

async function restore(
  context: BuildContext,
  name: string,
  action: Parameters<ArtifactCache['restore']>[0],
): Promise<TargetBuildResult> {
  const { run } = context;
  const started = performance.now();
  const folder = outputFolder(run.state, name);
  const key = buildKey(run, name);
  if (readMarker(folder) !== key) {
    const staging = scratchFolder(run.state, 'restore');
    try {
      const restored = await context.cache.restore(action, staging);
      if (restored.kind === 'miss') {
        // The entry went bad between lookup and restore: build it for real.
        const inputs = await buildInputs(context);
        const types = context.options.typecheck
          ? startTypecheck(context, inputs, [name])
          : undefined;
        return await buildOne(context, inputs, name, types);
      }
      replaceOutputs(run.state, name, staging, key);
    } finally {
      removeInside(tmpFolder(run.state), staging);
    }
  }
  return cachedResult(name, started);
}

function cachedResult(name: string, started: number): TargetBuildResult {
  return {
    target: name,
    status: 'cached',
    durationMs: performance.now() - started,
    diagnostics: [],
  };
}

/**
 * Swaps a target's output folder for a freshly written one, marked with its key. Another
 * run may swap the same folder at the same moment (it built the same target): the old
 * folder is moved aside first (into a scratch folder of its own in `tmp/`, where no
 * target's outputs live), and when the other run's folder lands in between, that one
 * stands, as it holds outputs of the same target. The caller deletes `staging`.
 */
function replaceOutputs(state: string, target: string, staging: string, key: string): void {
  const folder = outputFolder(state, target);
  writeFileSync(join(staging, keyMarker), `${key}\n`);
  ensureStateFolder(state, 'out', ...target.split('/').slice(0, -1));
  const old = scratchFolder(state, 'old');
  try {
    try {
      renameSync(folder, join(old, 'outputs'));
    } catch (error) {
      if (!hasCode(error, 'ENOENT')) throw error;
    }
    try {
      renameSync(staging, folder);
    } catch (error) {
      if (!hasCode(error, 'ENOTEMPTY') && !hasCode(error, 'EEXIST')) throw error;
    }
  } finally {
    removeInside(tmpFolder(state), old);
  }
}

function hasCode(error: unknown, code: string): boolean {
  return error instanceof Error && 'code' in error && error.code === code;
}

function buildKey(run: PreparedRun, name: string): string {
  return run.keys.build.get(name) as string;
}

function targetOf(run: PreparedRun, name: string): Target {
  return run.workspace.targets.get(name) as Target;
}
