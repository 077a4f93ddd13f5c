export { possiblyChangedPackages } from './changed-packages.ts';
export type { LockEntry } from './lock-entry.ts';
export type { Lockfile } from './lockfile.ts';
export { type LockfileParse, parseLockfile } from './parse-lockfile.ts';
export { type Resolution, resolvePackage } from './resolve-package.ts';
