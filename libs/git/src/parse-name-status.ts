import type { ChangeStatus, FileChange } from '@mainline/core';

/**
 * Parses `git diff-tree -r -z --name-status -M` records: `STATUS\0PATH\0`, or
 * `R<score>\0OLD\0NEW\0` / `C<score>\0SOURCE\0COPY\0` for renames and copies.
 * A copy is reported as an added file: its source did not change.
 */
export function parseNameStatus(output: string): FileChange[] {
  const fields = output.split('\0');
  const changes: FileChange[] = [];
  let index = 0;
  const next = (): string => {
    const field = fields[index++];
    if (field === undefined)
      throw new Error(`truncated diff-tree output: ${JSON.stringify(output)}`);
    return field;
  };
  while (index < fields.length) {
    const status = fields[index++];
    if (status === undefined || status === '') continue;
    const letter = status.charAt(0);
    if (letter === 'R') {
      const oldPath = next();
      changes.push({ status: 'R', path: next(), oldPath });
    } else if (letter === 'C') {
      next();
      changes.push({ status: 'A', path: next() });
    } else if (isSimpleStatus(letter)) {
      changes.push({ status: letter, path: next() });
    } else {
      throw new Error(`unexpected diff-tree status '${status}'`);
    }
  }
  return changes;
}

function isSimpleStatus(letter: string): letter is Exclude<ChangeStatus, 'R'> {
  return letter === 'A' || letter === 'M' || letter === 'D' || letter === 'T';
}
