import type { TestRunner } from '@mainline/core';
import type { PackageManifest } from './manifest.ts';

/** The line mainline's own jest message suggests (README, Other test runners). */
export const jestRunner: TestRunner = {
  command: ['npx', 'jest', '--ci', '--reporters=default', '--reporters=jest-junit'],
};

const jest = /\bjest\b/;
const vitest = /\bvitest\b/;
const jestConfig = /^jest\.config\.[cm]?[jt]s(?:on)?$/;
const vitestConfig = /^(?:vitest|vite)\.config\.[cm]?[jt]s$/;

/** Which runner the repository's root says its tests use, when it says. */
export function rootRunner(
  root: PackageManifest | undefined,
  rootFiles: readonly string[],
): 'jest' | 'vitest' | undefined {
  if (rootFiles.some((file) => vitestConfig.test(file))) return 'vitest';
  if (rootFiles.some((file) => jestConfig.test(file)) || root?.jestKey) return 'jest';
  const script = root?.testScript ?? '';
  return vitest.test(script) ? 'vitest' : jest.test(script) ? 'jest' : undefined;
}

/**
 * Whether a package's tests run with jest: its own test script, `jest` key or
 * jest.config.* say so, or, when it says nothing, the root does. vitest (mainline's
 * default) otherwise.
 */
export function usesJest(
  manifest: PackageManifest,
  ownFiles: readonly string[],
  root: 'jest' | 'vitest' | undefined,
): boolean {
  const script = manifest.testScript ?? '';
  if (vitest.test(script) || ownFiles.some((file) => vitestConfig.test(file))) return false;
  if (jest.test(script) || manifest.jestKey || ownFiles.some((file) => jestConfig.test(file))) {
    return true;
  }
  return root === 'jest';
}
