export { cloneWorkTrees } from './clone-work-trees.ts';
export { buildTest, type TargetOutcome } from './target-outcome.ts';
export type { TrunkEvent } from './trunk-events.ts';
export { type LoopOptions, runTrunkLoop } from './trunk-loop.ts';
export { trunkDefaults, type TrunkOptions } from './trunk-options.ts';
export type { PassOutcome } from './trunk-pass.ts';
export { type TrunkStatus, trunkStatus } from './trunk-status.ts';
export { type RevertRequest, revertCandidate } from './revert-candidate.ts';
export { revertSettingsOf } from './revert-settings.ts';
