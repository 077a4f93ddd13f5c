import { packageNameOf } from './package-name.ts';
import { scanSpecifiers } from './scan-specifiers.ts';

/** Bare npm package names a TS/JS source imports, subpaths folded to their package. */
export function importedPackages(source: string): Set<string> {
  const packages = new Set<string>();
  for (const specifier of scanSpecifiers(source)) {
    const name = packageNameOf(specifier);
    if (name !== undefined) packages.add(name);
  }
  return packages;
}
