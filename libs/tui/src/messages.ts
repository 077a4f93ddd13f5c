import { isMainlineError } from '@mainline/core';
import type { Decision } from '@mainline/store';
import type { Candidate } from './dashboard.ts';
import type { Tone } from './panels.ts';
import { shortSha } from './text.ts';

/** The line at the bottom of the screen: what the last key did. */
export interface Message {
  readonly text: string;
  readonly tone?: Tone;
}

/** What `r` did, in one line: the revert pushed, the rule that held it back, or why not. */
export function revertMessage(candidate: Candidate, decision: Decision): Message {
  const culprit = shortSha(candidate.culprit);
  if (decision.kind === 'reverted')
    return {
      text: `reverted ${culprit}: ${shortSha(decision.revertSha)} pushed to ${decision.revertRef ?? 'trunk'}`,
      tone: 'green',
    };
  if (decision.kind === 'candidate')
    return {
      text: `${culprit} not reverted, held back by ${decision.rule ?? '?'}: ${decision.detail}`,
      tone: 'yellow',
    };
  return { text: `${culprit} not reverted (${decision.kind}): ${decision.detail}`, tone: 'yellow' };
}

/** An error in one line: its message, and the hint when it has one. */
export function errorText(error: unknown): string {
  if (isMainlineError(error))
    return error.hint === undefined ? error.message : `${error.message} (${error.hint})`;
  return error instanceof Error ? error.message : String(error);
}
