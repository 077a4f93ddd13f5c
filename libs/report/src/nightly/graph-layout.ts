import { createRequire } from 'node:module';
import type dagreModule from '@dagrejs/dagre';
import type { EdgeLabel, GraphLabel, NodeLabel } from '@dagrejs/dagre';

export interface LayoutNode {
  readonly id: string;
  readonly width: number;
  readonly height: number;
}

export interface Point {
  readonly x: number;
  readonly y: number;
}

/** Where each node's centre goes and the line each edge follows, in a box of the size given. */
export interface GraphLayout {
  readonly width: number;
  readonly height: number;
  readonly nodes: ReadonlyMap<string, Point>;
  readonly edges: readonly {
    readonly from: string;
    readonly to: string;
    readonly points: readonly Point[];
  }[];
}

/**
 * A layered layout (dependents left of what they depend on: long names stack in columns), computed once when the report is
 * written, so the page runs no layout code. dagre (loaded only here, when a report is drawn)
 * ranks the nodes, orders each layer to cross few edges and routes long edges around nodes.
 */
export function layoutGraph(
  nodes: readonly LayoutNode[],
  edges: readonly { readonly from: string; readonly to: string }[],
): GraphLayout {
  // By require, not import(): the CLI runs from a V8 code cache, where import() cannot work.
  const dagre = createRequire(import.meta.url)('@dagrejs/dagre') as typeof dagreModule;
  const graph = new dagre.graphlib.Graph<GraphLabel, NodeLabel, EdgeLabel>({ multigraph: false });
  graph.setGraph({ rankdir: 'LR', nodesep: 10, ranksep: 48, edgesep: 6, marginx: 4, marginy: 4 });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const node of nodes) graph.setNode(node.id, { width: node.width, height: node.height });
  for (const edge of edges) graph.setEdge(edge.from, edge.to);
  dagre.layout(graph);

  const placed = new Map<string, Point>();
  for (const node of nodes) {
    const { x = 0, y = 0 } = graph.node(node.id);
    placed.set(node.id, { x, y });
  }
  const routed = edges.map((edge) => ({
    ...edge,
    points: (graph.edge(edge.from, edge.to)?.points ?? []).map(({ x, y }) => ({ x, y })),
  }));
  const { width = 0, height = 0 } = graph.graph();
  return { width, height, nodes: placed, edges: routed };
}
