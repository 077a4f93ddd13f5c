import { MainlineError } from '@mainline/core';

/** One line git gives a pre-push hook on stdin (githooks(5)). */
export interface PushedRef {
  readonly localRef: string;
  readonly localOid: string;
  readonly remoteRef: string;
  readonly remoteOid: string;
}

const objectId = /^[0-9a-f]{40}([0-9a-f]{24})?$/;
const zeros = /^0+$/;

/** A deleted ref is pushed as all zeros; so is the remote side of a new one. */
export function isZeroOid(oid: string): boolean {
  return zeros.test(oid);
}

/** `<local-ref> <local-oid> <remote-ref> <remote-oid>` lines; blank lines are skipped. */
export function parsePushLines(text: string): PushedRef[] {
  const refs: PushedRef[] = [];
  for (const [index, line] of text.split('\n').entries()) {
    if (line.trim() === '') continue;
    const [localRef, localOid, remoteRef, remoteOid, ...rest] = line.trim().split(' ');
    const valid =
      localRef &&
      remoteRef &&
      rest.length === 0 &&
      objectId.test(localOid ?? '') &&
      objectId.test(remoteOid ?? '');
    if (!valid) {
      throw new MainlineError(
        'usage',
        `pre-push input line ${index + 1} is not '<local-ref> <local-oid> <remote-ref> <remote-oid>': ${JSON.stringify(line)}`,
        {
          hint: 'mainline prepush is run by the pre-push hook, which git feeds the pushed refs on stdin',
        },
      );
    }
    refs.push({
      localRef,
      localOid: localOid as string,
      remoteRef,
      remoteOid: remoteOid as string,
    });
  }
  return refs;
}
