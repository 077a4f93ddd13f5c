import type { Diagnostic, TestRunner } from '@mainline/core';
import { warning } from './diagnostics.ts';
import type { PackageManifest } from './manifest.ts';
import type { InferredTarget } from './types.ts';

/** The line mainline's own jest message suggests (README, Other test runners). */
export const jestRunner: TestRunner = {
  command: ['npx', 'jest', '--ci', '--reporters=default', '--reporters=jest-junit'],
};

/**
 * How a package's jest tests run. A package with a jest config of its own runs jest in its
 * folder. One that relies on the root's config (a jest.config.* or `jest` key there, as in
 * actions/toolkit) runs jest at the root on its own folder: in its folder, jest would find
 * no config and no TypeScript transform. The path goes first: `--reporters` takes the
 * arguments after it.
 */
export function jestRunnerFor(
  folder: string,
  manifest: PackageManifest,
  ownFiles: readonly string[],
  rootHasJestConfig: boolean,
): TestRunner {
  const ownConfig = manifest.jestKey || ownFiles.some((file) => jestConfig.test(file));
  if (ownConfig || !rootHasJestConfig) return jestRunner;
  const [npx = 'npx', run = 'jest', ...flags] = jestRunner.command;
  return { command: [npx, run, `${folder}/`, ...flags], cwd: '.' };
}

/** Whether the repository's root holds a jest config (a jest.config.* or a `jest` key). */
export function rootJestConfig(
  root: PackageManifest | undefined,
  rootFiles: readonly string[],
): boolean {
  return rootFiles.some((file) => jestConfig.test(file)) || root?.jestKey === true;
}

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
  if (rootJestConfig(root, rootFiles)) return 'jest';
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

/** A warning when targets run jest and no manifest (root or package) names jest-junit. */
export function missingJestJunit(
  targets: readonly InferredTarget[],
  manifests: readonly (PackageManifest | string | undefined)[],
): Diagnostic | undefined {
  const withJest = targets.filter((target) => target.testRunner !== undefined).length;
  const named = manifests.some(
    (manifest) =>
      typeof manifest === 'object' &&
      manifest.dependencies.some((dependency) => dependency.name === 'jest-junit'),
  );
  if (withJest === 0 || named) return undefined;
  return warning(
    'package.json',
    undefined,
    `${withJest} target${withJest === 1 ? ' runs its' : 's run their'} tests with jest, which writes the JUnit report mainline reads through jest-junit, and no package.json names jest-junit`,
    'add it to the root devDependencies (npm install --save-dev jest-junit, or yarn / pnpm add -D jest-junit)',
  );
}
