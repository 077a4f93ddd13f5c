import { type Node, parseTree } from 'jsonc-parser';
import type { JsonPath } from './build-file-json.ts';
import type { ProblemLocation } from './problem.ts';

export interface Position {
  readonly line: number;
  readonly column: number;
}

/**
 * Turns JSON paths into 1-based line and column. Everything is built on first use: the
 * happy path (JSON.parse, no problems) never pays for a syntax tree.
 */
export class JsonLocator {
  private tree: Node | undefined;
  private treeBuilt = false;
  private lineStarts: number[] | undefined;
  private readonly propertyIndex = new WeakMap<Node, Map<string, Node>>();

  constructor(private readonly text: string) {}

  get root(): Node | undefined {
    if (!this.treeBuilt) {
      this.tree = parseTree(this.text, undefined, { disallowComments: true });
      this.treeBuilt = true;
    }
    return this.tree;
  }

  locate(at: ProblemLocation): Position {
    return this.position('offset' in at ? at.offset : this.offsetOfPath(at.path, at.key ?? false));
  }

  /**
   * Offset of the value at `path` (or of its property name). When the path does not exist,
   * the name of the deepest property that does, so the problem still points somewhere useful.
   */
  offsetOfPath(path: JsonPath, key: boolean): number {
    let node = this.root;
    if (node === undefined) return 0;
    let property: Node | undefined;
    for (const segment of path) {
      const next = this.child(node, segment);
      if (next === undefined) return (property?.children?.[0] ?? node).offset;
      if (next.type === 'property') {
        property = next;
        const value = next.children?.[1];
        if (value === undefined) return next.offset;
        node = value;
      } else {
        property = undefined;
        node = next;
      }
    }
    return key && property?.children?.[0] ? property.children[0].offset : node.offset;
  }

  position(offset: number): Position {
    const starts = this.lines();
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((starts[middle] ?? 0) <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - (starts[low] ?? 0) + 1 };
  }

  /** An object's property node by key (the last one, as JSON.parse keeps), or an array item. */
  private child(node: Node, segment: string | number): Node | undefined {
    if (node.type === 'array' && typeof segment === 'number') return node.children?.[segment];
    if (node.type !== 'object') return undefined;
    let index = this.propertyIndex.get(node);
    if (index === undefined) {
      index = new Map();
      for (const property of node.children ?? []) {
        const name = property.children?.[0]?.value;
        if (typeof name === 'string') index.set(name, property);
      }
      this.propertyIndex.set(node, index);
    }
    return index.get(String(segment));
  }

  private lines(): number[] {
    if (this.lineStarts === undefined) {
      const starts = [0];
      for (let i = this.text.indexOf('\n'); i !== -1; i = this.text.indexOf('\n', i + 1)) {
        starts.push(i + 1);
      }
      this.lineStarts = starts;
    }
    return this.lineStarts;
  }
}
