export interface BatchObject {
  readonly oid: string;
  readonly type: string;
  readonly content: Buffer;
}

/**
 * Parses `git cat-file --batch` output for the names it was given, in order: either
 * `OID SP TYPE SP SIZE\n<SIZE bytes>\n` or `NAME SP missing|ambiguous\n`. Works on bytes,
 * since SIZE counts bytes, not characters. Names that did not resolve are left out.
 */
export function parseCatFileBatch(
  output: Buffer,
  names: readonly string[],
): Map<string, BatchObject> {
  const objects = new Map<string, BatchObject>();
  let offset = 0;
  for (const name of names) {
    const lineEnd = output.indexOf(0x0a, offset);
    if (lineEnd < 0) throw new Error(`cat-file --batch output ended before '${name}'`);
    const header = output.toString('utf8', offset, lineEnd);
    offset = lineEnd + 1;
    const match = /^([0-9a-f]+) (\S+) (\d+)$/.exec(header);
    if (!match) continue;
    const [, oid = '', type = '', size = '0'] = match;
    const end = offset + Number(size);
    objects.set(name, { oid, type, content: output.subarray(offset, end) });
    offset = end + 1;
  }
  return objects;
}
