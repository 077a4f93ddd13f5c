import type { AffectedReason, AffectedTarget } from '@mainline/core';
import type { TargetGraph } from '@mainline/graph';
import { changesBuild } from './affected-set.ts';

export type Explanation =
  | {
      readonly affected: true;
      readonly target: string;
      /** Target names from the one a change reached directly to the target asked about. */
      readonly chain: readonly string[];
      /** The direct (non-dep) reasons of the chain's first target. */
      readonly origin: readonly AffectedReason[];
      /** Present when the chain's last step is a test dep of the target, not a dep. */
      readonly throughTestDep?: true;
    }
  | {
      readonly affected: false;
      readonly target: string;
      /** How many targets it depends on, transitively. */
      readonly transitiveDeps: number;
      /** Deps that are affected, but only through their tests, which do not reach dependents. */
      readonly testOnlyDeps: readonly string[];
    };

/** Why a target is affected (the shortest chain from a change), or why it is not. */
export function explain(
  target: string,
  affected: readonly AffectedTarget[],
  graph: TargetGraph,
): Explanation {
  const byName = new Map(affected.map((entry) => [entry.name, entry]));
  if (!byName.has(target)) {
    const deps = graph.dependenciesClosure([target]);
    deps.delete(target);
    const testOnlyDeps = [...deps].filter((dep) => byName.has(dep)).sort();
    return { affected: false, target, transitiveDeps: deps.size, testOnlyDeps };
  }
  const previous = new Map<string, string | null>([[target, null]]);
  const queue = [target];
  for (let i = 0; i < queue.length; i++) {
    const name = queue[i] as string;
    const reasons = byName.get(name)?.reasons ?? [];
    // The target may be affected by anything; a dep reaches it only through its build, and
    // a test dep only the target itself, through its tests.
    const direct = reasons.filter(
      (reason) => !isLink(reason) && (name === target || changesBuild(reason)),
    );
    if (direct.length > 0) {
      const chain: string[] = [];
      for (let at: string | null | undefined = name; at != null; at = previous.get(at)) {
        chain.push(at);
      }
      const last = chain[chain.length - 2];
      const throughTestDep = last !== undefined && !graph.dependencies(target).includes(last);
      return {
        affected: true,
        target,
        chain,
        origin: direct,
        ...(throughTestDep ? { throughTestDep } : {}),
      };
    }
    for (const reason of reasons) {
      const followed = reason.type === 'dep' || (reason.type === 'test-dep' && name === target);
      if (followed && !previous.has(reason.target)) {
        previous.set(reason.target, name);
        queue.push(reason.target);
      }
    }
  }
  throw new Error(`affected target ${target} has no reason that leads to a change`);
}

function isLink(reason: AffectedReason): reason is Extract<AffectedReason, { target: string }> {
  return reason.type === 'dep' || reason.type === 'test-dep';
}
