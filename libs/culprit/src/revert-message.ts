import { hasTrueTrailer } from './trailers.ts';

/** The trailer every revert mainline makes carries. */
export const autoRevertTrailer = 'Mainline-Auto-Revert';
/** The trailer with which an author opts a commit out of automatic reverts. */
export const optOutTrailer = 'No-Auto-Revert';

export interface RevertMessageInput {
  readonly sha: string;
  /** The culprit's subject (its message's first line). */
  readonly subject: string;
  /** The red targets and the tests that blame the culprit. */
  readonly targets: readonly string[];
  readonly tests: readonly string[];
  readonly confidence: number;
  /** The recorded decision's id, so the revert leads back to the evidence. */
  readonly decisionId: string;
}

const listedTests = 10;

/**
 * git's own revert message (`Revert "<subject>"`, `This reverts commit <sha>.`), then why,
 * then the `Mainline-Auto-Revert: true` trailer as the last paragraph. Names are put on
 * one line each (control characters become spaces), the tests listed up to ten.
 */
export function revertMessage(input: RevertMessageInput): string {
  const tests = input.tests.slice(0, listedTests).map(oneLine);
  const more = input.tests.length - tests.length;
  const why = [
    `mainline's trunk loop found that this commit turned ${input.targets.map(oneLine).join(', ')} red.`,
    `Failing tests: ${tests.join('; ')}${more > 0 ? `; and ${more} more` : ''}.`,
    `Confidence ${input.confidence.toFixed(4)}, confirmed by reruns here and at the parent (decision ${oneLine(input.decisionId)}).`,
  ];
  return [
    `Revert "${oneLine(input.subject)}"`,
    '',
    `This reverts commit ${input.sha}.`,
    '',
    ...why,
    '',
    `${autoRevertTrailer}: true`,
    '',
  ].join('\n');
}

/** The branch a revert goes to when trunk is protected by review. */
export function revertBranch(sha: string): string {
  return `mainline/revert/${sha.slice(0, 12)}`;
}

/**
 * Whether a commit message is itself a revert: git's `Revert "..."` (or `Reapply "..."`,
 * git's revert of a revert) subject, a `This reverts commit` line, or our trailer.
 */
export function isRevertMessage(message: string): boolean {
  const subject = message.split('\n', 1)[0] ?? '';
  return (
    /^(Revert|Reapply) "/.test(subject) ||
    revertedCommits(message).length > 0 ||
    hasTrueTrailer(message, autoRevertTrailer)
  );
}

/** The commits a message says it reverts (`This reverts commit <sha>` lines). */
export function revertedCommits(message: string): string[] {
  return [...message.matchAll(/^This reverts commit ([0-9a-f]{7,64})\b/gm)].map(
    (match) => match[1] as string,
  );
}

/** Whether a message reverts `sha` (a full sha, or an abbreviated one in the message). */
export function revertsCommit(message: string, sha: string): boolean {
  return revertedCommits(message).some((reverted) => sha.startsWith(reverted));
}

function oneLine(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it removes
  return text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
}
