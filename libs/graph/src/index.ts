export { type GraphNode, TargetGraph } from './target-graph.ts';
