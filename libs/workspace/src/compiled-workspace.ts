import {
  type Target,
  type TargetKind,
  type TestRunner,
  targetKinds,
  type Workspace,
} from '@mainline/core';
import { isNegated } from './glob-list.ts';
import { literalFolder } from './glob-prefilter.ts';

/**
 * A Workspace as flat arrays and typed arrays: what `affected` needs of a BUILD.json it has
 * seen before, cheap to store (v8.serialize) and to load. Loading it costs a fraction of
 * parsing a large BUILD.json, and the folder index of every glob comes precomputed.
 */
export interface CompiledWorkspace {
  readonly format: 4;
  readonly names: readonly string[];
  /** Index into targetKinds, per target. */
  readonly kinds: Uint8Array;
  /** Bundle entry per target, '' when none. */
  readonly entries: readonly string[];
  readonly globalInputs: readonly string[];
  /** Every srcs and tests glob; glob `g` belongs to target `owners[g] >> 1`, a test glob when odd. */
  readonly globs: readonly string[];
  readonly owners: Int32Array;
  /** Per target, its globs are `globOffsets[t] .. globOffsets[t + 1]`: srcs first, then tests. */
  readonly globOffsets: Int32Array;
  /** Per target, its deps (target ids) are `deps[depOffsets[t] .. depOffsets[t + 1]]`. */
  readonly depOffsets: Int32Array;
  readonly deps: Int32Array;
  /**
   * Positive globs grouped by their literal folder (see literalFolder): folder `f` holds
   * `folderGlobs[folderOffsets[f] ..]`. A negation (`!x`) only takes a path back from its
   * list, which is then read whole: it is filed nowhere.
   */
  readonly folders: readonly string[];
  readonly folderOffsets: Int32Array;
  readonly folderGlobs: Int32Array;
  /** Per target `t`, its test timeouts: `timeouts[2t]` per test, `timeouts[2t + 1]` per file; 0 when not set. */
  readonly timeouts: Int32Array;
  /** Per target, its testDeps (names; empty when none). Format 4 added them. */
  readonly testDeps: readonly (readonly string[])[];
  /** Per target, its testRunner as JSON, '' when none (absent in memos written before it). */
  readonly testRunners?: readonly string[];
}

export function compileWorkspace(workspace: Workspace): CompiledWorkspace {
  const targets = [...workspace.targets.values()];
  const ids = new Map(targets.map((target, id) => [target.name, id]));
  const globs: string[] = [];
  const owners: number[] = [];
  const globOffsets = new Int32Array(targets.length + 1);
  const depOffsets = new Int32Array(targets.length + 1);
  const deps: number[] = [];
  targets.forEach((target, id) => {
    globOffsets[id] = globs.length;
    for (const glob of target.srcs) globs.push(glob) && owners.push(id * 2);
    for (const glob of target.tests) globs.push(glob) && owners.push(id * 2 + 1);
    depOffsets[id] = deps.length;
    for (const dep of target.deps) {
      const depId = ids.get(dep);
      if (depId !== undefined) deps.push(depId);
    }
  });
  globOffsets[targets.length] = globs.length;
  depOffsets[targets.length] = deps.length;
  const byFolder = new Map<string, number[]>();
  globs.forEach((glob, g) => {
    if (isNegated(glob)) return;
    const folder = literalFolder(glob);
    const list = byFolder.get(folder);
    if (list === undefined) byFolder.set(folder, [g]);
    else list.push(g);
  });
  const folders = [...byFolder.keys()];
  const folderOffsets = new Int32Array(folders.length + 1);
  const folderGlobs: number[] = [];
  folders.forEach((folder, f) => {
    folderOffsets[f] = folderGlobs.length;
    // A loop, not push(...list): a folder can hold more globs than a call takes arguments.
    for (const g of byFolder.get(folder) as number[]) folderGlobs.push(g);
  });
  folderOffsets[folders.length] = folderGlobs.length;
  const timeouts = new Int32Array(targets.length * 2);
  targets.forEach((target, id) => {
    timeouts[2 * id] = target.timeouts?.test ?? 0;
    timeouts[2 * id + 1] = target.timeouts?.file ?? 0;
  });
  return {
    format: 4,
    names: targets.map((target) => target.name),
    kinds: Uint8Array.from(targets.map((target) => targetKinds.indexOf(target.kind))),
    entries: targets.map((target) => target.entry ?? ''),
    testDeps: targets.map((target) => target.testDeps ?? []),
    testRunners: targets.map((target) =>
      target.testRunner === undefined ? '' : JSON.stringify(target.testRunner),
    ),
    globalInputs: [...workspace.globalInputs],
    globs,
    owners: Int32Array.from(owners),
    globOffsets,
    depOffsets,
    deps: Int32Array.from(deps),
    folders,
    folderOffsets,
    folderGlobs: Int32Array.from(folderGlobs),
    timeouts,
  };
}

/** The Workspace back, its Target objects made only when asked for. */
export function expandWorkspace(compiled: CompiledWorkspace): Workspace {
  return {
    version: 1,
    globalInputs: compiled.globalInputs,
    targets: new CompiledTargets(compiled),
  };
}

/** A read-only Map of targets over the compiled arrays, materialising each Target on first use. */
class CompiledTargets implements ReadonlyMap<string, Target> {
  readonly #compiled: CompiledWorkspace;
  readonly #ids = new Map<string, number>();
  readonly #made: (Target | undefined)[];

  constructor(compiled: CompiledWorkspace) {
    this.#compiled = compiled;
    compiled.names.forEach((name, id) => {
      this.#ids.set(name, id);
    });
    this.#made = new Array(compiled.names.length);
  }

  get size(): number {
    return this.#compiled.names.length;
  }

  has(name: string): boolean {
    return this.#ids.has(name);
  }

  get(name: string): Target | undefined {
    const id = this.#ids.get(name);
    return id === undefined ? undefined : this.#target(id);
  }

  keys(): MapIterator<string> {
    return this.#compiled.names.values();
  }

  *values(): MapIterator<Target> {
    for (let id = 0; id < this.#compiled.names.length; id++) yield this.#target(id);
  }

  *entries(): MapIterator<[string, Target]> {
    for (let id = 0; id < this.#compiled.names.length; id++) {
      yield [this.#compiled.names[id] as string, this.#target(id)];
    }
  }

  [Symbol.iterator](): MapIterator<[string, Target]> {
    return this.entries();
  }

  forEach(callback: (value: Target, key: string, map: ReadonlyMap<string, Target>) => void): void {
    for (const [name, target] of this.entries()) callback(target, name, this);
  }

  #target(id: number): Target {
    const made = this.#made[id];
    if (made) return made;
    const c = this.#compiled;
    const globs = c.globs.slice(c.globOffsets[id], c.globOffsets[id + 1]);
    const owners = c.owners.subarray(c.globOffsets[id], c.globOffsets[id + 1]);
    const deps = [...c.deps.subarray(c.depOffsets[id], c.depOffsets[id + 1])].map(
      (dep) => c.names[dep] as string,
    );
    const target: Target = {
      name: c.names[id] as string,
      kind: targetKinds[c.kinds[id] as number] as TargetKind,
      srcs: globs.filter((_, i) => ((owners[i] as number) & 1) === 0),
      tests: globs.filter((_, i) => ((owners[i] as number) & 1) === 1),
      deps,
      ...(c.testDeps?.[id]?.length ? { testDeps: c.testDeps[id] } : {}),
      ...(c.entries[id] ? { entry: c.entries[id] as string } : {}),
      ...timeoutsOf(c.timeouts, id),
      ...(c.testRunners?.[id] ? { testRunner: JSON.parse(c.testRunners[id]) as TestRunner } : {}),
    };
    this.#made[id] = target;
    return target;
  }
}

function timeoutsOf(timeouts: Int32Array, id: number): Pick<Target, 'timeouts'> {
  const test = timeouts[2 * id] as number;
  const file = timeouts[2 * id + 1] as number;
  if (test === 0 && file === 0) return {};
  return { timeouts: { ...(test ? { test } : {}), ...(file ? { file } : {}) } };
}
