import type { Target, Workspace } from '@mainline/core';
import { hasNegation, mayShareFiles } from '@mainline/workspace';

/**
 * The parts of a target's BUILD.json entry its build fingerprint covers (kind, srcs,
 * deps, entry), with defaults applied and list order ignored where it means nothing:
 * adding `"deps": []` or reordering globs changes nothing a build could see. A list with
 * a negation (`!x`) is read in order, so its order counts.
 *
 * A file its `tests` hold is a test even when its `srcs` hold it too, so the tests globs
 * that may share files with the srcs decide which files the build sees: they are part of
 * the build's key. Those that cannot (`a/test/**` beside `a/src/**`) are not, so editing
 * them still affects the target alone.
 */
export function buildDefinitionKey(target: Target): string {
  const key: unknown[] = [
    target.kind,
    ordered(target.srcs),
    sorted(target.deps),
    target.entry ?? null,
  ];
  const shared = target.tests.filter((test) => target.srcs.some((src) => mayShareFiles(src, test)));
  if (shared.length > 0) key.push(ordered(shared));
  return JSON.stringify(key);
}

/**
 * The part of the entry only its fingerprint covers: which files are its tests, and their
 * time limits (a test that passed under a longer limit may not under a shorter one).
 */
export function testDefinitionKey(target: Target): string {
  // A test runner's command decides what runs and how: a change of it runs the tests again.
  if (target.testRunner !== undefined) {
    return JSON.stringify([
      testDefinitionKey({ ...target, testRunner: undefined }),
      runnerKey(target),
    ]);
  }
  const { test = null, file = null } = target.timeouts ?? {};
  if (test === null && file === null) return JSON.stringify(ordered(target.tests));
  return JSON.stringify([ordered(target.tests), test, file]);
}

function runnerKey({ name, testRunner }: Target): unknown[] {
  const { command = [], junit = null, cwd = name } = testRunner ?? {};
  return [command, junit, cwd];
}

/** Its testDeps, order ignored: they enter its fingerprint, not its build's. */
export function testDepsKey(target: Target): string {
  return JSON.stringify(sorted(target.testDeps ?? []));
}

/** globalInputs, order ignored. */
export function globalInputsKey(workspace: Workspace): string {
  return JSON.stringify(sorted(workspace.globalInputs));
}

function sorted(values: readonly string[]): string[] {
  return [...values].sort();
}

/** A glob list as it means: sorted, unless a negation makes its order count. */
function ordered(globs: readonly string[]): readonly string[] {
  return hasNegation(globs) ? globs : sorted(globs);
}
