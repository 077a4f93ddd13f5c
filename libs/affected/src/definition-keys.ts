import type { Target, Workspace } from '@mainline/core';

/**
 * The parts of a target's BUILD.json entry its build fingerprint covers (kind, srcs,
 * deps, entry), with defaults applied and list order ignored: adding `"deps": []` or
 * reordering globs changes nothing a build could see.
 */
export function buildDefinitionKey(target: Target): string {
  return JSON.stringify([
    target.kind,
    sorted(target.srcs),
    sorted(target.deps),
    target.entry ?? null,
  ]);
}

/**
 * The part of the entry only its fingerprint covers: which files are its tests, and their
 * time limits (a test that passed under a longer limit may not under a shorter one).
 */
export function testDefinitionKey(target: Target): string {
  const { test = null, file = null } = target.timeouts ?? {};
  if (test === null && file === null) return JSON.stringify(sorted(target.tests));
  return JSON.stringify([sorted(target.tests), test, file]);
}

/** globalInputs, order ignored. */
export function globalInputsKey(workspace: Workspace): string {
  return JSON.stringify(sorted(workspace.globalInputs));
}

function sorted(values: readonly string[]): string[] {
  return [...values].sort();
}
