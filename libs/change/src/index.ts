export { CompiledBuildFiles } from './compiled-build-files.ts';
export {
  FingerprintMemo,
  type RememberedKeys,
  type SnapshotFingerprints,
} from './fingerprint-memo.ts';
export { type ChangeRequest, type LoadedChange, loadChange } from './load-change.ts';
export { type CurrentWorkspace, loadCurrentWorkspace } from './load-current.ts';
export { loadSnapshot } from './load-snapshot.ts';
export { type IndexedWorkspace, indexWorkspace, loadWorkspaceAt } from './load-workspace.ts';
export {
  type RangeRequest,
  type ResolvedRange,
  rangeProbe,
  resolveRange,
  trunkBranch,
} from './resolve-range.ts';
