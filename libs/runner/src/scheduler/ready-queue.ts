/**
 * The tasks ready to start, highest priority first, then by name: a binary heap, since
 * sorting the whole list before each start made scheduling 1,000 cached targets
 * quadratic.
 */
export class ReadyQueue {
  private readonly heap: string[] = [];

  constructor(private readonly priority: (name: string) => number) {}

  get size(): number {
    return this.heap.length;
  }

  push(name: string): void {
    const heap = this.heap;
    heap.push(name);
    let at = heap.length - 1;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (!this.before(name, heap[parent] as string)) break;
      heap[at] = heap[parent] as string;
      at = parent;
    }
    heap[at] = name;
  }

  /** The first task, removed; undefined when none is ready. */
  shift(): string | undefined {
    const heap = this.heap;
    const first = heap[0];
    const last = heap.pop();
    if (first === undefined || last === undefined || heap.length === 0) return first;
    let at = 0;
    for (;;) {
      const left = 2 * at + 1;
      if (left >= heap.length) break;
      const right = left + 1;
      const child =
        right < heap.length && this.before(heap[right] as string, heap[left] as string)
          ? right
          : left;
      if (!this.before(heap[child] as string, last)) break;
      heap[at] = heap[child] as string;
      at = child;
    }
    heap[at] = last;
    return first;
  }

  private before(a: string, b: string): boolean {
    const byPriority = this.priority(a) - this.priority(b);
    return byPriority > 0 || (byPriority === 0 && a < b);
  }
}
