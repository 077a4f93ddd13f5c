import type { AffectedReason, AffectedTarget, FileChange, Workspace } from '@mainline/core';
import type { TargetGraph } from '@mainline/graph';
import type { OwnershipIndex } from '@mainline/workspace';
import { AffectedSet } from './affected-set.ts';
import {
  buildDefinitionKey,
  globalInputsKey,
  testDefinitionKey,
  testDepsKey,
} from './definition-keys.ts';
import type { LockfileImpact } from './lockfile-impact.ts';
import { lockfileFormatOf } from './lockfile/index.ts';
import { changedManifestFields, manifestTargetOf } from './manifest.ts';

export const buildFilePath = 'BUILD.json';
export const lockfilePath = 'package-lock.json';

export interface SnapshotIndex {
  readonly workspace: Workspace;
  readonly owners: OwnershipIndex;
}

export interface AffectedInput {
  readonly base: SnapshotIndex;
  readonly head: SnapshotIndex & { readonly graph: TargetGraph };
  readonly changes: readonly FileChange[];
  /** Present when package-lock.json changed. */
  readonly lockfile?: LockfileImpact;
  /** By path (see lockfilePaths): each lockfile that changed, diffed semantically. */
  readonly lockfiles?: ReadonlyMap<string, LockfileImpact>;
  /**
   * The changed files that are a target's manifest (`<target>/package.json`, see
   * changedManifestPaths), with their text at base and at head (undefined when absent).
   */
  readonly manifests?: ReadonlyMap<string, ManifestTexts>;
}

export interface ManifestTexts {
  readonly base: string | undefined;
  readonly head: string | undefined;
}

export interface AffectedOutcome {
  readonly affected: AffectedTarget[];
  readonly unowned: string[];
}

/**
 * The fast path: changed files -> owners -> reverse closure over the head graph. It
 * must agree with the fingerprint definition (see fingerprint.ts); a property test
 * holds the two against each other.
 */
export function computeAffected(input: AffectedInput): AffectedOutcome {
  const { base, head } = input;
  const set = new AffectedSet();
  const everyTarget = (reason: AffectedReason): void => {
    for (const name of head.workspace.targets.keys()) set.add(name, reason);
  };

  compareBuildFiles(base.workspace, head.workspace, set, everyTarget);

  const unowned: string[] = [];
  for (const change of input.changes) {
    const headPath = change.status === 'D' ? undefined : change.path;
    const basePath = change.status === 'A' ? undefined : (change.oldPath ?? change.path);
    let owned = false;
    for (const [path, side] of [
      [headPath, head],
      [basePath, base],
    ] as const) {
      if (path === undefined) continue;
      if (side.owners.isGlobalInput(path)) {
        everyTarget({ type: 'global', path });
        owned = true;
      }
      for (const owner of side.owners.owners(path)) {
        owned = true;
        if (!head.workspace.targets.has(owner.target)) continue;
        set.add(owner.target, { type: 'file', path, role: owner.role });
      }
    }
    const semantic =
      change.path === buildFilePath ||
      lockfileFormatOf(change.path) !== undefined ||
      isManifestOf(change.path, head.workspace);
    if (!owned && !semantic) unowned.push(change.path);
  }

  if (input.lockfile) applyLockfile(lockfilePath, input.lockfile, head, set, everyTarget);
  for (const [path, impact] of input.lockfiles ?? []) {
    applyLockfile(path, impact, head, set, everyTarget);
  }
  applyManifests(input.manifests, head.workspace, set);
  return { affected: withDependents(set, head), unowned };
}

/**
 * BUILD.json diffed semantically: added targets, changed definitions, changed global
 * inputs. A changed `tests` list only changes the target's own fingerprint.
 */
function compareBuildFiles(
  base: Workspace,
  head: Workspace,
  set: AffectedSet,
  everyTarget: (reason: AffectedReason) => void,
): void {
  if (base === head) return;
  if (globalInputsKey(base) !== globalInputsKey(head)) {
    everyTarget({ type: 'global', path: buildFilePath });
  }
  for (const [name, target] of head.targets) {
    const before = base.targets.get(name);
    if (before === undefined) set.add(name, { type: 'added' });
    else if (buildDefinitionKey(before) !== buildDefinitionKey(target)) {
      set.add(name, { type: 'entry', part: 'build' });
    } else if (
      testDefinitionKey(before) !== testDefinitionKey(target) ||
      testDepsKey(before) !== testDepsKey(target)
    ) {
      set.add(name, { type: 'entry', part: 'tests' });
    }
  }
}

function applyLockfile(
  path: string,
  impact: LockfileImpact,
  head: SnapshotIndex,
  set: AffectedSet,
  everyTarget: (reason: AffectedReason) => void,
): void {
  if (impact.kind === 'unparsable') {
    everyTarget({ type: 'lockfile-unparsable', path, message: impact.message });
    return;
  }
  for (const importer of impact.importers) {
    for (const owner of head.owners.owners(importer.path)) {
      const { package: name, from, to } = importer;
      set.add(owner.target, { type: 'lockfile', path, package: name, from, to, role: owner.role });
    }
  }
}

function isManifestOf(path: string, workspace: Workspace): boolean {
  const target = manifestTargetOf(path);
  return target !== undefined && workspace.targets.has(target);
}

/** The changed paths that may be a head target's manifest: their texts are read for the fast path. */
export function changedManifestPaths(changes: readonly FileChange[], head: Workspace): string[] {
  const paths = new Set<string>();
  for (const change of changes) {
    for (const path of [change.path, change.oldPath]) {
      if (path !== undefined && isManifestOf(path, head)) paths.add(path);
    }
  }
  return [...paths];
}

/** A target whose manifest's counted fields changed is affected (its dependents too, unless only `scripts` did). */
function applyManifests(
  manifests: ReadonlyMap<string, ManifestTexts> | undefined,
  head: Workspace,
  set: AffectedSet,
): void {
  for (const [path, texts] of manifests ?? []) {
    const target = manifestTargetOf(path);
    if (target === undefined || !head.targets.has(target)) continue;
    const changed = changedManifestFields(texts.base, texts.head);
    if (changed.build.length > 0) {
      const fields = [...changed.build, ...changed.test].sort();
      set.add(target, { type: 'manifest', path, fields, role: 'src' });
    } else if (changed.test.length > 0) {
      set.add(target, { type: 'manifest', path, fields: changed.test, role: 'test' });
    }
  }
}

/**
 * Adds every dependent of a build-changed target, each with the affected deps it has, and
 * every target whose test deps' builds changed (those reach no further: its build is the same).
 */
function withDependents(
  set: AffectedSet,
  head: { readonly graph: TargetGraph; readonly workspace: Workspace },
): AffectedTarget[] {
  const closure = head.graph.dependentsClosure(set.buildChanged);
  const testers = head.graph.testDependents(closure);
  const names = new Set([...set.reasons.keys(), ...closure, ...testers]);
  const affected: AffectedTarget[] = [];
  for (const name of [...names].sort()) {
    const target = head.workspace.targets.get(name);
    if (target === undefined) continue;
    const reasons: AffectedReason[] = [...(set.reasons.get(name) ?? [])];
    for (const dep of head.graph.dependencies(name)) {
      if (closure.has(dep)) reasons.push({ type: 'dep', target: dep });
    }
    if (testers.has(name)) {
      for (const dep of head.graph.testDependencies(name)) {
        if (closure.has(dep)) reasons.push({ type: 'test-dep', target: dep });
      }
    }
    affected.push({ name, kind: target.kind, reasons });
  }
  return affected;
}
