import type { OwnershipIndex } from '@mainline/workspace';

/**
 * The files a target's tests read (recorded by the test host, `recordReads`) that no
 * target owns and that are not global inputs: inputs of the test that no key covers, so a
 * change to them reaches no fingerprint (a non-hermetic test). In the order given.
 */
export function unownedReads(reads: readonly string[], ownership: OwnershipIndex): string[] {
  return reads.filter(
    (path) => ownership.owners(path).length === 0 && !ownership.isGlobalInput(path),
  );
}
