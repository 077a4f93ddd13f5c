export interface TreeEntry {
  readonly mode: string;
  readonly oid: string;
}

/** Parses `git ls-tree -r -z` records: `MODE SP TYPE SP OID TAB PATH\0`. */
export function parseLsTree(output: string): Map<string, TreeEntry> {
  const files = new Map<string, TreeEntry>();
  for (const record of output.split('\0')) {
    if (record === '') continue;
    const tab = record.indexOf('\t');
    const [mode, , oid] = record.slice(0, tab).split(' ');
    if (tab < 0 || mode === undefined || oid === undefined) {
      throw new Error(`unexpected ls-tree record ${JSON.stringify(record)}`);
    }
    files.set(record.slice(tab + 1), { mode, oid });
  }
  return files;
}
