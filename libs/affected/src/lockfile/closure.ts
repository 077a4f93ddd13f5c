import { installNameOf, isFolderKey } from './lock-entry.ts';
import { type Lockfile, memoOf } from './lockfile.ts';
import { locate, realKey } from './node-resolution.ts';
import { loadCrypto } from '../lazy-crypto.ts';

/**
 * The id of the whole transitive resolution of the package at (real) `key`: its
 * identity, and for each dependency, resolved from the package's own location, the
 * closure id of what it resolves to. A hash tree, so each package is hashed once per
 * lockfile however many packages reach it. Identities say nothing of location, so
 * hoisting the same versions differently gives the same id, while a change of version,
 * integrity, or of which copy any dependency down the tree resolves to gives another.
 *
 * A folder of the repository that a package depends on (a workspace, see isFolderKey)
 * counts by its identity alone: its own dependencies are its target's business.
 *
 * Dependency cycles are hashed as a unit: the members' sorted descriptors, with edges
 * inside the cycle naming the target's identity and edges leaving it the target's
 * closure; a member's closure is its identity plus that unit's hash.
 */
export function closureOf(lock: Lockfile, key: string): string {
  const closures = memoOf(lock).closures;
  const known = closures.get(key);
  if (known !== undefined) return known;
  for (const component of stronglyConnectedComponents(lock, key)) hashComponent(lock, component);
  const closure = closures.get(key);
  if (closure === undefined) throw new Error(`internal: no closure computed for ${key}`);
  return closure;
}

/**
 * Tarjan's algorithm, iterative so deep dependency chains cannot overflow the stack,
 * over the packages reachable from `start` whose closure is not known yet. Components
 * come out dependencies first, as the hash tree needs them.
 */
function stronglyConnectedComponents(lock: Lockfile, start: string): string[][] {
  const closures = memoOf(lock).closures;
  const components: string[][] = [];
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const frames: { readonly key: string; readonly next: readonly string[]; at: number }[] = [];
  const visit = (key: string): void => {
    order.set(key, order.size);
    low.set(key, order.size - 1);
    stack.push(key);
    onStack.add(key);
    frames.push({ key, next: successors(lock, key), at: 0 });
  };
  visit(start);
  for (let frame = frames.at(-1); frame !== undefined; frame = frames.at(-1)) {
    const target = frame.next[frame.at++];
    if (target !== undefined) {
      if (closures.has(target)) continue;
      const seen = order.get(target);
      if (seen === undefined) visit(target);
      else if (onStack.has(target)) low.set(frame.key, Math.min(low.get(frame.key) ?? seen, seen));
      continue;
    }
    frames.pop();
    const lowest = low.get(frame.key) ?? 0;
    const parent = frames.at(-1);
    if (parent !== undefined) low.set(parent.key, Math.min(low.get(parent.key) ?? lowest, lowest));
    if (lowest !== order.get(frame.key)) continue;
    const component: string[] = [];
    for (let member = stack.pop(); member !== undefined; member = stack.pop()) {
      onStack.delete(member);
      component.push(member);
      if (member === frame.key) break;
    }
    components.push(component);
  }
  return components;
}

function hashComponent(lock: Lockfile, members: readonly string[]): void {
  const closures = memoOf(lock).closures;
  const inside = new Set(members);
  const descriptors = new Set<string>();
  for (const member of members) {
    const parts: string[] = [];
    for (const [name, target] of resolvedDeps(lock, member)) {
      let resolution: string;
      if (target === undefined) resolution = '?';
      else if (inside.has(target)) resolution = `cycle:${identityOf(lock, target)}`;
      else resolution = closures.get(target) ?? identityOf(lock, target);
      parts.push(`${name}=${resolution}`);
    }
    descriptors.add(`${identityOf(lock, member)}>${parts.join(';')}`);
  }
  const unit = sha256([...descriptors].sort().join('\n'));
  for (const member of members)
    closures.set(member, sha256(`${identityOf(lock, member)}\n${unit}`));
}

function sha256(text: string): string {
  return loadCrypto().createHash('sha256').update(text).digest('hex');
}

/** Distinct keys, present in the lockfile, that the dependencies of `key` resolve to. */
function successors(lock: Lockfile, key: string): string[] {
  const targets = new Set<string>();
  for (const target of resolvedDeps(lock, key).values()) {
    if (target !== undefined && lock.entries.has(target)) targets.add(target);
  }
  return [...targets];
}

const noDeps: ReadonlyMap<string, string | undefined> = new Map();

/**
 * What each dependency of the entry at real key `key` resolves to, from its location;
 * nothing for a folder (see closureOf).
 */
function resolvedDeps(lock: Lockfile, key: string): ReadonlyMap<string, string | undefined> {
  if (isFolderKey(key)) return noDeps;
  const memo = memoOf(lock);
  let deps = memo.resolvedDeps.get(key);
  if (deps === undefined) {
    const resolved = new Map<string, string | undefined>();
    for (const name of lock.entries.get(key)?.deps ?? []) {
      const found = locate(lock, key, name);
      resolved.set(name, found === undefined ? undefined : realKey(lock, found));
    }
    deps = resolved;
    memo.resolvedDeps.set(key, deps);
  }
  return deps;
}

/**
 * What a package is, wherever it is installed: real name, version and content
 * (integrity, else where it came from). A workspace folder is its own location, and a
 * key the lockfile lacks (a dangling link) is identified as missing.
 */
function identityOf(lock: Lockfile, key: string): string {
  const entry = lock.entries.get(key);
  if (entry === undefined) return `missing:${key}`;
  const installName = installNameOf(key);
  if (installName === undefined) return `folder:${key}:${entry.name ?? ''}@${entry.version ?? ''}`;
  return `${entry.name ?? installName}@${entry.version ?? ''}#${entry.integrity ?? entry.resolved ?? ''}`;
}
