import type { Breakage, Decision, FlakeRate, Store, TrunkCommit } from '@mainline/store';

/** What `mainline trunk status` (and the dashboard) shows: the loop's records, read. */
export interface TrunkStatus {
  /** The newest commit the loop tested, and whether trunk is green there. */
  readonly tip: (TrunkCommit & { readonly green: boolean }) | undefined;
  readonly breakages: readonly Breakage[];
  readonly culprits: readonly Decision[];
  /** Culprits held back, with the rule that held each. */
  readonly candidates: readonly Decision[];
  readonly reverts: readonly Decision[];
  readonly flaky: readonly FlakeRate[];
}

export function trunkStatus(store: Store): TrunkStatus {
  const { trunk } = store;
  const last = trunk.lastTested();
  const open = trunk.openBreakages();
  const decisions = trunk.decisions({ limit: 200 });
  return {
    tip: last === undefined ? undefined : { ...last, green: open.length === 0 },
    breakages: open,
    culprits: decisions.filter((d) => d.culprit !== undefined),
    candidates: decisions.filter((d) => d.kind === 'candidate'),
    reverts: decisions.filter((d) => d.kind === 'reverted'),
    flaky: trunk.flakeRates(),
  };
}
