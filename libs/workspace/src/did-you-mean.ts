import { closestName } from '@mainline/core';

/**
 * The name probably meant: the closest by edit distance, or failing that a candidate of
 * three or more characters the word starts with ('library' -> 'lib').
 */
export function didYouMean(word: string, candidates: readonly string[]): string | undefined {
  const close = closestName(word, candidates);
  if (close !== undefined) return close;
  const lower = word.toLowerCase();
  return candidates.find((c) => c.length >= 3 && lower.startsWith(c.toLowerCase()));
}
