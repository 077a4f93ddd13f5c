/**
 * The value `git config --get KEY` would print, from `git config -z --list` output
 * (`KEY\nVALUE\0`, or `KEY\0` for a key set without a value): the last one wins.
 */
export function configValue(listOutput: string, key: string): string | undefined {
  const wanted = canonicalConfigKey(key);
  let value: string | undefined;
  for (const entry of listOutput.split('\0')) {
    if (entry === '') continue;
    const newline = entry.indexOf('\n');
    const entryKey = newline < 0 ? entry : entry.slice(0, newline);
    if (entryKey !== wanted) continue;
    value = newline < 0 ? '' : entry.slice(newline + 1);
  }
  return value;
}

/**
 * git compares section and variable names case-insensitively and subsection names
 * exactly, and lists keys with the first two lower-cased: `Branch.Main.Remote` ->
 * `branch.Main.remote`.
 */
export function canonicalConfigKey(key: string): string {
  const first = key.indexOf('.');
  const last = key.lastIndexOf('.');
  if (first < 0) return key.toLowerCase();
  const section = key.slice(0, first).toLowerCase();
  const name = key.slice(last + 1).toLowerCase();
  return first === last ? `${section}.${name}` : `${section}${key.slice(first, last + 1)}${name}`;
}
