export { ceilLog2 } from './bisection-guard.ts';
export { assessSearch, type SearchState, type TestState } from './assess.ts';
export { failuresToConfirm, parentPassesToConfirm } from './confirmation.ts';
export {
  findCulprits,
  type FindCulpritsOptions,
  type FindCulpritsResult,
  type RunTests,
} from './find-culprits.ts';
export { nextStep } from './next-step.ts';
export { type Posterior, posterior } from './posterior.ts';
export { defaultSearchSettings, resolveSearchSettings, type SearchSettings } from './settings.ts';
export type {
  FlakyEvidence,
  SearchInput,
  SearchOutcome,
  Step,
  Suspect,
  TestRun,
  Verdict,
} from './types.ts';
export {
  decideRevert,
  defaultRevertSettings,
  type HoldRule,
  personWaivedRules,
  type RevertDecision,
  type RevertFacts,
  type RevertReason,
  type RevertSettings,
  type WaivableRule,
} from './revert-policy.ts';
export {
  autoRevertTrailer,
  isRevertMessage,
  optOutTrailer,
  revertBranch,
  revertedCommits,
  revertMessage,
  type RevertMessageInput,
  revertsCommit,
} from './revert-message.ts';
export { hasTrueTrailer, parseTrailers, type Trailer, trailerValue } from './trailers.ts';
