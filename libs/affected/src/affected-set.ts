import type { AffectedReason } from '@mainline/core';

/**
 * Collects direct reasons per target while the fast path walks the change. A reason
 * either changes the target's build fingerprint (and so reaches its dependents) or
 * only its test fingerprint.
 */
export class AffectedSet {
  readonly reasons = new Map<string, AffectedReason[]>();
  readonly buildChanged = new Set<string>();

  add(target: string, reason: AffectedReason, changesBuild: boolean): void {
    const list = this.reasons.get(target);
    if (list === undefined) this.reasons.set(target, [reason]);
    else if (!list.some((known) => sameReason(known, reason))) list.push(reason);
    if (changesBuild) this.buildChanged.add(target);
  }
}

function sameReason(a: AffectedReason, b: AffectedReason): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
