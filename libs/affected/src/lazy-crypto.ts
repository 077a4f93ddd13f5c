/**
 * node:crypto takes milliseconds to load, and `affected` hashes only when a lockfile
 * changed (or when fingerprints are computed in full): loaded on first use, so the common
 * path never pays for it.
 */
export function loadCrypto(): typeof import('node:crypto') {
  return process.getBuiltinModule('node:crypto');
}
