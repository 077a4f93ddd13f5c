import type {
  Breakage,
  Decision,
  FlakeRate,
  MarkedTest,
  Store,
  TrunkCommit,
} from '@mainline/store';

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
  /** Tests a person marked flaky or quarantined (`mainline trunk mark`). */
  readonly marks: readonly MarkedTest[];
  /** Open breakages a person snoozed, still asleep at `now`. */
  readonly snoozed: readonly Breakage[];
}

export function trunkStatus(store: Store, now = Date.now()): TrunkStatus {
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
    marks: trunk.testMarks(),
    snoozed: open.filter((b) => b.snoozedUntil !== undefined && b.snoozedUntil > now),
  };
}
