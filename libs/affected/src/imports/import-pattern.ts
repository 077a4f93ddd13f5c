// Every character that is special somewhere in a POSIX extended regex.
const ereSpecial = /[.[\]()*+?{}|^$\\]/g;

/**
 * A POSIX extended regex (for `git grep -E`) matching every line that may import one of
 * `packages`: a quote, the name, then a quote or `/`. It over-approximates on purpose
 * (any string literal equal to the name matches) and is meant to narrow the files to
 * scan with importedPackages(), which is exact. Multi-line imports are still found,
 * because the line holding the specifier contains the quoted name.
 * With no packages it returns a pattern that matches no line.
 */
export function importPatternFor(packages: readonly string[]): string {
  if (packages.length === 0) return '$.^';
  const names = [...new Set(packages)].sort().map((name) => name.replace(ereSpecial, '\\$&'));
  return `['"\`](${names.join('|')})['"\`/]`;
}
