/** Work to place on a shard: a target and the seconds it is expected to take. */
export interface ShardItem {
  readonly name: string;
  readonly seconds: number;
}

export interface Shard {
  /** 1-based, as `--shard I/N` counts. */
  readonly index: number;
  /** Sorted by name. */
  readonly targets: readonly string[];
  readonly expectedSeconds: number;
}

/**
 * Splits items into `count` shards by LPT (longest processing time first): each item, the
 * longest first, goes onto the least loaded shard. Its largest shard is within 4/3 of the
 * best possible split. Ties (equal seconds, equal loads) go by name and by shard index, so
 * the same items give the same shards on every machine.
 */
export function partitionLongestFirst(items: readonly ShardItem[], count: number): Shard[] {
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`shard count ${count} < 1`);
  const loads = Array.from({ length: count }, () => ({ seconds: 0, targets: [] as string[] }));
  const ordered = [...items].sort(
    (a, b) => b.seconds - a.seconds || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  );
  for (const item of ordered) {
    let least = 0;
    for (let i = 1; i < loads.length; i++) {
      if ((loads[i]?.seconds ?? 0) < (loads[least]?.seconds ?? 0)) least = i;
    }
    const shard = loads[least];
    if (shard === undefined) continue;
    shard.seconds += item.seconds;
    shard.targets.push(item.name);
  }
  return loads.map((shard, i) => ({
    index: i + 1,
    targets: shard.targets.sort(),
    expectedSeconds: shard.seconds,
  }));
}
