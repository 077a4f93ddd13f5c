export { ensureStateFolder, stateDir } from './state-dir.ts';
export { reportMovedAside, reportStoreRepair } from './state-repairs.ts';
export { StateFiles } from './state-files.ts';
export { isStoreDamage, openStateStore, openStateStoreFor } from './state-store.ts';
