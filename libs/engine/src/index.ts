export { allCached } from './all-cached.ts';
export { outputFolder } from './output-folders.ts';
export { type Executor, type LocalExecutorOptions, localExecutor } from './executor.ts';
export { prepareKeys } from './prepare-keys.ts';
export { undeclaredImports } from './undeclared-imports.ts';
export { type PipelineOutcome, type PipelineRequest, runPipeline } from './run-pipeline.ts';
export { selectTargets } from './select-targets.ts';
export { testPassKind } from './shared-test-passes.ts';
export { type CommitTestOutcome, type CommitTestRequest, testCommit } from './test-commit.ts';
export { type CheckedOut, scratchWorkTrees, type WorkTrees } from './work-trees.ts';
export { partitionLongestFirst, type Shard, type ShardItem } from './shard-partition.ts';
export {
  type DurationHistory,
  planShards,
  type ShardPlan,
  type ShardPlanRequest,
} from './shard-plan.ts';
export { type SelectionRequest, selectionOf } from './request-selection.ts';
