import { type Diagnostic, MainlineError } from '@mainline/core';
import { type Edge, edgesClosingCycles } from './cycles.ts';
import { findEntry } from './entry.ts';
import { findGlobalInputs } from './global-inputs.ts';
import { type PackageManifest, readManifest } from './manifest.ts';
import { findPackageFolders } from './package-folders.ts';
import { findTestLayout } from './test-layout.ts';
import { jestRunner, rootRunner, usesJest } from './test-runner.ts';
import type { AdoptInput, Inference, InferredDep, InferredTarget } from './types.ts';
import { readWorkspaceDeclaration } from './workspace-declaration.ts';

/**
 * BUILD.json's targets inferred from the workspaces a repository declares: one target
 * per package, named by its folder, with its files as sources (tests apart), the workspace
 * packages its manifest names as deps, and a kind. Pure: the caller reads the files.
 */
export function inferTargets(input: AdoptInput): Inference {
  const declaration = readWorkspaceDeclaration(input.rootManifest, input.pnpmWorkspace);
  const { folders, nested } = findPackageFolders(declaration.patterns, input.files);
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

  const byName = new Map<string, number>();
  manifests.forEach((manifest, i) => {
    const name = manifest.name;
    if (name === undefined) return;
    const first = byName.get(name);
    if (first === undefined) byName.set(name, i);
    else {
      warnings.push(
        warning(
          `${folders[i]}/package.json`,
          locate(input.manifests.get(folders[i] ?? ''), '"name"'),
          `the package name "${name}" is also ${folders[first]}'s: deps on it go to ${folders[first]}`,
          'give each workspace package its own name',
        ),
      );
    }
  });

  const edges: (Edge & InferredDep)[] = [];
  manifests.forEach((manifest, from) => {
    const seen = new Map<number, Edge & InferredDep>();
    for (const { name, field } of manifest.dependencies) {
      const to = byName.get(name);
      if (to === undefined || to === from) continue;
      const weak = field !== 'dependencies';
      const known = seen.get(to);
      // A package named in two fields is a strong edge when either is `dependencies`.
      if (known !== undefined) {
        if (!weak && known.weak) seen.set(to, { ...known, weak, field });
        continue;
      }
      seen.set(to, { from, to, weak, target: folders[to] ?? '', package: name, field });
    }
    edges.push(...seen.values());
  });
  const closing = new Set(edgesClosingCycles(folders.length, edges));
  for (const edge of closing) {
    const file = folders[edge.from] ?? '';
    warnings.push(
      warning(
        `${file}/package.json`,
        locate(input.manifests.get(file), `"${edge.field}"`, JSON.stringify(edge.package)),
        `${file} -> ${edge.target} left out of deps: it would close a dependency cycle`,
        'BUILD.json allows no dependency cycle; dev and peer dependencies are left out first',
      ),
    );
  }
  const depsOf: InferredDep[][] = folders.map(() => []);
  const dependents = new Array<number>(folders.length).fill(0);
  for (const edge of edges) {
    if (closing.has(edge)) continue;
    depsOf[edge.from]?.push({ target: edge.target, package: edge.package, field: edge.field });
    dependents[edge.to] = (dependents[edge.to] ?? 0) + 1;
  }

  const fileSet = new Set(input.files);
  const rootManifest =
    input.rootManifest === undefined ? undefined : readManifest(input.rootManifest);
  const runner = rootRunner(
    typeof rootManifest === 'string' ? undefined : rootManifest,
    input.files.filter((file) => !file.includes('/')),
  );
  const targets: InferredTarget[] = folders.map((folder, i) => {
    const manifest = manifests[i] as PackageManifest;
    const files = filesOf.get(folder) ?? [];
    const relative = files.map((file) => file.slice(folder.length + 1));
    const layout = findTestLayout(folder, relative);
    const jest =
      layout.tests.length > 0 &&
      usesJest(
        manifest,
        relative.filter((file) => !file.includes('/')),
        runner,
      );
    const users = dependents[i] ?? 0;
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
      deps: (depsOf[i] ?? []).sort((a, b) => compare(a.target, b.target)),
      ...(entry === undefined ? {} : { entry }),
      ...(jest ? { testRunner: jestRunner } : {}),
      files,
      testFiles: layout.testFiles,
    };
  });
  const withJest = targets.filter((target) => target.testRunner !== undefined).length;
  const named = [rootManifest, ...manifests].some(
    (manifest) =>
      typeof manifest !== 'string' &&
      manifest?.dependencies.some((dependency) => dependency.name === 'jest-junit'),
  );
  if (withJest > 0 && !named) {
    warnings.push(
      warning(
        'package.json',
        undefined,
        `${withJest} target${withJest === 1 ? ' runs its' : 's run their'} tests with jest, which writes the JUnit report mainline reads through jest-junit, and no package.json names jest-junit`,
        'add it to the root devDependencies (npm install --save-dev jest-junit, or yarn / pnpm add -D jest-junit)',
      ),
    );
  }
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

export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function warning(
  file: string,
  at: { line: number; column: number } | undefined,
  message: string,
  hint: string,
): Diagnostic {
  return { severity: 'warning', file, ...(at ?? { line: 1, column: 1 }), message, hint };
}

/** Where the last of `keys` is in `text`, each searched after the one before (1-based). */
function locate(
  text: string | undefined,
  ...keys: string[]
): { line: number; column: number } | undefined {
  if (text === undefined) return undefined;
  let at = 0;
  for (const key of keys) {
    const found = text.indexOf(key, at);
    if (found === -1) return undefined;
    at = found;
  }
  const before = text.slice(0, at);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: at - lineStart + 1 };
}
