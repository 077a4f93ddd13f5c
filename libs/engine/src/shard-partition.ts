/** Work to place on a shard: a target, its own seconds, and the shared work it needs. */
export interface ShardItem {
  readonly name: string;
  /** Its own work (its tests), in seconds. */
  readonly seconds: number;
  /**
   * Work it needs that a shard does once for all its items (the builds of its deps and its
   * own): name -> seconds.
   */
  readonly needs?: ReadonlyMap<string, number>;
}

export interface Shard {
  /** 1-based, as `--shard I/N` counts. */
  readonly index: number;
  /** Sorted by name. */
  readonly targets: readonly string[];
  /** Its items' own seconds and each shared need once. */
  readonly expectedSeconds: number;
}

/**
 * Splits items into `count` shards by LPT (longest processing time first): each item, the
 * longest first, goes onto the shard it leaves least loaded. For independent items that is
 * the least loaded shard, and the largest shard is within 4/3 of the best split; with shared
 * needs, a shard that has a need already pays nothing more for it (a heuristic: the bound is
 * for independent items). Ties (equal seconds, equal loads) go by name and by shard index,
 * so the same items give the same shards on every machine.
 */
export function partitionLongestFirst(items: readonly ShardItem[], count: number): Shard[] {
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`shard count ${count} < 1`);
  const shards = Array.from({ length: count }, () => ({
    seconds: 0,
    targets: [] as string[],
    done: new Set<string>(),
  }));
  const alone = (item: ShardItem): number =>
    item.seconds + [...(item.needs?.values() ?? [])].reduce((sum, s) => sum + s, 0);
  const ordered = items
    .map((item) => ({ item, seconds: alone(item) }))
    .sort(
      (a, b) =>
        b.seconds - a.seconds ||
        (a.item.name < b.item.name ? -1 : a.item.name > b.item.name ? 1 : 0),
    );
  for (const { item } of ordered) {
    let best: { shard: (typeof shards)[number]; load: number } | undefined;
    for (const shard of shards) {
      let load = shard.seconds + item.seconds;
      for (const [need, seconds] of item.needs ?? []) if (!shard.done.has(need)) load += seconds;
      if (best === undefined || load < best.load) best = { shard, load };
    }
    if (best === undefined) continue;
    best.shard.seconds = best.load;
    best.shard.targets.push(item.name);
    for (const need of item.needs?.keys() ?? []) best.shard.done.add(need);
  }
  return shards.map((shard, i) => ({
    index: i + 1,
    targets: shard.targets.sort(),
    expectedSeconds: shard.seconds,
  }));
}
