import type { AffectedReason } from '@mainline/core';

/**
 * Whether a reason changes the target's build fingerprint, and so reaches its
 * dependents; otherwise it changes only the target's own (test) fingerprint.
 */
export function changesBuild(reason: AffectedReason): boolean {
  switch (reason.type) {
    case 'file':
    case 'lockfile':
    case 'manifest':
      return reason.role === 'src';
    case 'entry':
      return reason.part === 'build';
    case 'test-dep':
      return false;
    default:
      return true;
  }
}

/** Collects direct reasons per target, each once, while the fast path walks the change. */
export class AffectedSet {
  readonly reasons = new Map<string, AffectedReason[]>();
  readonly buildChanged = new Set<string>();
  /** Per target, its reasons' keys: a change of thousands of files is one lookup each. */
  readonly #known = new Map<string, Set<string>>();

  add(target: string, reason: AffectedReason): void {
    const key = JSON.stringify(reason);
    const known = this.#known.get(target);
    if (known === undefined) {
      this.#known.set(target, new Set([key]));
      this.reasons.set(target, [reason]);
    } else if (!known.has(key)) {
      known.add(key);
      this.reasons.get(target)?.push(reason);
    }
    if (changesBuild(reason)) this.buildChanged.add(target);
  }
}
