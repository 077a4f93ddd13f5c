export { formatBuildJson } from './build-json.ts';
export { compareWithBuildFile, type Difference } from './check.ts';
export { inferTargets } from './infer.ts';
export { readAdoptInput } from './read-input.ts';
export type {
  AdoptInput,
  DependencyField,
  Inference,
  InferredDep,
  InferredTarget,
  TestPlace,
  WorkspaceDeclaration,
  WorkspaceSource,
} from './types.ts';
