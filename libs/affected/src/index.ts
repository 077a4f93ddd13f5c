export { type Explanation, explain } from './explain.ts';
export {
  type AffectedInput,
  type AffectedOutcome,
  buildFilePath,
  changedManifestPaths,
  computeAffected,
  lockfilePath,
  type ManifestTexts,
  type SnapshotIndex,
} from './fast-path.ts';
export {
  affectedByFingerprints,
  computeFingerprints,
  type Fingerprints,
  type SnapshotContents,
} from './fingerprint.ts';
export {
  importedPackages,
  importPatternFor,
  packageNameOf,
  type SpecifierSite,
  scanSpecifierSites,
} from './imports/index.ts';
export {
  emptyLockfile,
  type LockfileImpact,
  type LockfileImporter,
  type LockfilePlan,
  type LockfileSides,
  lockfileImporters,
  planFromLockfiles,
  planLockfile,
} from './lockfile-impact.ts';
export {
  type Lockfile,
  type LockfileFormat,
  lockfileFormatOf,
  lockfileNeedsManifests,
  lockfilePaths,
  manifestFolders,
  unreadableLockfiles,
  type WorkspaceManifests,
} from './lockfile/index.ts';
export { unreadableLockfileWarnings } from './lockfile-warnings.ts';
export { manifestPathOf } from './manifest.ts';
