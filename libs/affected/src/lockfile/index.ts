export { possiblyChangedPackages } from './changed-packages.ts';
export type { LockEntry } from './lock-entry.ts';
export type { Lockfile } from './lockfile.ts';
export { type LockfileParse, parseLockfile } from './parse-lockfile.ts';
export { type Resolution, resolvePackage } from './resolve-package.ts';
export {
  type LockfileFormat,
  lockfileFormatOf,
  lockfilePaths,
  unreadableLockfiles,
} from './lockfile-files.ts';
export { emptyLockfile, type ReadLockfileOptions, readLockfile } from './read-lockfile.ts';
export type { WorkspaceManifests } from './yarn-lockfile.ts';
export { lockfileNeedsManifests, manifestFolders } from './workspace-manifests.ts';
