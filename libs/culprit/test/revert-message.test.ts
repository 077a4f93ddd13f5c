import { describe, expect, it } from 'vitest';
import {
  isRevertMessage,
  parseTrailers,
  revertBranch,
  revertedCommits,
  revertMessage,
  revertsCommit,
} from '../src/index.ts';

const sha = '0123456789abcdef0123456789abcdef01234567';

describe('the revert message', () => {
  it("is git's own, then why, then the Mainline-Auto-Revert trailer", () => {
    const message = revertMessage({
      sha,
      subject: 'parser: faster tokens',
      targets: ['libs/parser', 'properties/cli'],
      tests: ['tokens > splits words', 'tokens > keeps quotes'],
      confidence: 0.99734,
      decisionId: '42',
    });
    expect(message).toBe(
      [
        'Revert "parser: faster tokens"',
        '',
        `This reverts commit ${sha}.`,
        '',
        "mainline's trunk loop found that this commit turned libs/parser, properties/cli red.",
        'Failing tests: tokens > splits words; tokens > keeps quotes.',
        'Confidence 0.9973, confirmed by reruns here and at the parent (decision 42).',
        '',
        'Mainline-Auto-Revert: true',
        '',
      ].join('\n'),
    );
    expect(parseTrailers(message)).toEqual([{ key: 'Mainline-Auto-Revert', value: 'true' }]);
    expect(isRevertMessage(message)).toBe(true);
    expect(revertsCommit(message, sha)).toBe(true);
  });

  it('keeps names on one line and lists at most ten tests', () => {
    const message = revertMessage({
      sha,
      subject: 'two\nlines',
      targets: ['a'],
      tests: Array.from({ length: 12 }, (_, index) => `t${index}\n`),
      confidence: 1,
      decisionId: 'd\n1',
    });
    expect(message.split('\n')[0]).toBe('Revert "two lines"');
    expect(message).toContain('Failing tests: t0; t1; t2; t3; t4; t5; t6; t7; t8; t9; and 2 more.');
    expect(message).toContain('(decision d 1)');
  });

  it('names the review branch after the short sha', () => {
    expect(revertBranch(sha)).toBe('mainline/revert/0123456789ab');
  });
});

describe('recognising reverts', () => {
  it("by git's subjects, the reverts line, or our trailer", () => {
    expect(isRevertMessage('Revert "x"\n\nThis reverts commit abcdef1.\n')).toBe(true);
    expect(isRevertMessage('Reapply "x"\n')).toBe(true);
    expect(isRevertMessage('undo x\n\nThis reverts commit abcdef1234.\n')).toBe(true);
    expect(isRevertMessage('undo x\n\nMainline-Auto-Revert: true\n')).toBe(true);
    expect(isRevertMessage('Reverting the cache to LRU\n')).toBe(false);
    expect(isRevertMessage('fix\n\nSee "This reverts commit" in git docs.\n')).toBe(false);
  });

  it('finds which commits a message reverts, abbreviated or full', () => {
    const message = `Revert "x"\n\nThis reverts commit ${sha}.\nThis reverts commit fedcba9.\n`;
    expect(revertedCommits(message)).toEqual([sha, 'fedcba9']);
    expect(revertsCommit(message, sha)).toBe(true);
    expect(revertsCommit('Revert "y"\n\nThis reverts commit 0123456.\n', sha)).toBe(true);
    expect(revertsCommit(message, '1111111111111111111111111111111111111111')).toBe(false);
  });
});
