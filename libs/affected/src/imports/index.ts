export { importPatternFor } from './import-pattern.ts';
export { importedPackages } from './imported-packages.ts';
export { packageNameOf } from './package-name.ts';
export { type SpecifierSite, scanSpecifierSites, scanSpecifiers } from './scan-specifiers.ts';
