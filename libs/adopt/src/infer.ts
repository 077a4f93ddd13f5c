import { type Diagnostic, MainlineError } from '@mainline/core';
import { warning } from './diagnostics.ts';
import { findEntry } from './entry.ts';
import { findGlobalInputs } from './global-inputs.ts';
import { type PackageManifest, readManifest } from './manifest.ts';
import { findPackageFolders } from './package-folders.ts';
import { buildPackageGraph } from './package-graph.ts';
import { findTestLayout } from './test-layout.ts';
import {
  jestRunnerFor,
  missingJestJunit,
  rootJestConfig,
  rootRunner,
  usesJest,
} from './test-runner.ts';
import type { AdoptInput, Inference, InferredTarget } from './types.ts';
import { readWorkspaceDeclaration } from './workspace-declaration.ts';

/**
 * BUILD.json's targets inferred from the workspaces a repository declares: one target
 * per package, named by its folder, with its files as sources (tests apart), the workspace
 * packages its manifest names as deps, and a kind. Pure: the caller reads the files.
 */
export function inferTargets(input: AdoptInput): Inference {
  const declaration = readWorkspaceDeclaration(input.rootManifest, input.pnpmWorkspace);
  const { folders, nested } = findPackageFolders(declaration.patterns, input.files);
  if (folders.length === 0) {
    const globs = declaration.patterns.join(', ');
    throw new MainlineError(
      'noWorkspaces',
      `no workspace package: ${declaration.source} lists ${globs}, and no folder holding a package.json that git lists matches`,
      {
        hint: 'check the globs, and that the packages are in git (committed, or at least not ignored)',
      },
    );
  }
  const warnings: Diagnostic[] = nested.map(({ folder, inside }) =>
    warning(
      `${folder}/package.json`,
      undefined,
      `${folder} is a package inside the package ${inside}: no target of its own, its files are ${inside}'s`,
      'target names cannot nest; list it in the workspaces outside another package to give it a target',
    ),
  );
  const manifests = readManifests(folders, input.manifests);
  const filesOf = groupFiles(folders, input.files);

  const graph = buildPackageGraph(folders, manifests, input.manifests);
  warnings.push(...graph.warnings);

  const fileSet = new Set(input.files);
  const rootManifest =
    input.rootManifest === undefined ? undefined : readManifest(input.rootManifest);
  const rootFiles = input.files.filter((file) => !file.includes('/'));
  const root = typeof rootManifest === 'string' ? undefined : rootManifest;
  const runner = rootRunner(root, rootFiles);
  const rootHasJestConfig = rootJestConfig(root, rootFiles);
  const targets: InferredTarget[] = folders.map((folder, i) => {
    const manifest = manifests[i] as PackageManifest;
    const files = filesOf.get(folder) ?? [];
    const relative = files.map((file) => file.slice(folder.length + 1));
    const layout = findTestLayout(folder, relative);
    const ownFiles = relative.filter((file) => !file.includes('/'));
    const jest = layout.tests.length > 0 && usesJest(manifest, ownFiles, runner);
    const users = graph.dependents[i] ?? 0;
    const kind = manifest.hasBin || users === 0 ? 'property' : 'lib';
    const kindReason = manifest.hasBin
      ? 'it has a bin'
      : users === 0
        ? 'no workspace package depends on it'
        : `${users} workspace package${users === 1 ? ' depends' : 's depend'} on it`;
    const entry =
      kind === 'property' ? findEntry(folder, manifest.entryCandidates, fileSet) : undefined;
    return {
      name: folder,
      packageName: manifest.name,
      kind,
      kindReason,
      srcs: [`${folder}/**`],
      tests: layout.tests,
      testPlaces: layout.places,
      deps: graph.deps[i] ?? [],
      ...(entry === undefined ? {} : { entry }),
      ...(jest ? { testRunner: jestRunnerFor(folder, manifest, ownFiles, rootHasJestConfig) } : {}),
      files,
      testFiles: layout.testFiles,
    };
  });
  const missing = missingJestJunit(targets, [rootManifest, ...manifests]);
  if (missing) warnings.push(missing);
  return { declaration, targets, globalInputs: findGlobalInputs(input.files), warnings };
}

function readManifests(
  folders: readonly string[],
  texts: ReadonlyMap<string, string>,
): PackageManifest[] {
  const problems: string[] = [];
  const manifests = folders.map((folder) => {
    const text = texts.get(folder);
    const manifest = text === undefined ? 'cannot be read' : readManifest(text);
    if (typeof manifest !== 'string') return manifest;
    problems.push(`${folder}/package.json ${manifest}`);
    return {
      name: undefined,
      dependencies: [],
      hasBin: false,
      entryCandidates: [],
      testScript: undefined,
      jestKey: false,
    };
  });
  if (problems.length > 0) {
    throw new MainlineError(
      'packageJsonInvalid',
      `${problems.length} package.json file${problems.length === 1 ? '' : 's'} cannot be read: ${problems.slice(0, 5).join('; ')}${problems.length > 5 ? '; ...' : ''}`,
      { hint: 'fix them (each must be a JSON object), then run mainline init again' },
    );
  }
  return manifests;
}

/** Each package's files, found by walking a file's parent folders up to a package's. */
function groupFiles(folders: readonly string[], files: readonly string[]): Map<string, string[]> {
  const groups = new Map<string, string[]>(folders.map((folder) => [folder, []]));
  for (const file of files) {
    for (let slash = file.lastIndexOf('/'); slash > 0; slash = file.lastIndexOf('/', slash - 1)) {
      const group = groups.get(file.slice(0, slash));
      if (group) {
        group.push(file);
        break;
      }
    }
  }
  for (const group of groups.values()) group.sort(compare);
  return groups;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
