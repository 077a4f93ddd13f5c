import type { AffectedReason } from '@mainline/core';

/**
 * Whether a reason changes the target's build fingerprint, and so reaches its
 * dependents; otherwise it changes only the target's own (test) fingerprint.
 */
export function changesBuild(reason: AffectedReason): boolean {
  switch (reason.type) {
    case 'file':
    case 'lockfile':
      return reason.role === 'src';
    case 'entry':
      return reason.part === 'build';
    default:
      return true;
  }
}

/** Collects direct reasons per target while the fast path walks the change. */
export class AffectedSet {
  readonly reasons = new Map<string, AffectedReason[]>();
  readonly buildChanged = new Set<string>();

  add(target: string, reason: AffectedReason): void {
    const list = this.reasons.get(target);
    if (list === undefined) this.reasons.set(target, [reason]);
    else if (!list.some((known) => sameReason(known, reason))) list.push(reason);
    if (changesBuild(reason)) this.buildChanged.add(target);
  }
}

function sameReason(a: AffectedReason, b: AffectedReason): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
