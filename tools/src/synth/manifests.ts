import { caretRange, findExternal } from './externals.ts';
import type { ResolvedSynthOptions } from './options.ts';
import type { GeneratedFile, SynthTarget } from './types.ts';

/** Turborepo refuses a workspace without it; any npm version works for reading. */
export const packageManager = 'npm@10.9.2';
export const rootPackageName = 'synth-monorepo';
export const workspaceVersion = '1.0.0';
export const workspaceGlobs = ['libs/*', 'properties/*'];

export function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

export function globalInputs(options: ResolvedSynthOptions): string[] {
  return options.code
    ? ['tsconfig.base.json', 'tsconfig.json', 'vitest.config.ts']
    : ['tsconfig.base.json'];
}

export function buildJson(
  targets: readonly SynthTarget[],
  options: ResolvedSynthOptions,
): GeneratedFile {
  const entries: Record<string, Record<string, unknown>> = {};
  for (const target of targets) {
    entries[target.name] = {
      kind: target.kind,
      // The manifest is an input too: it declares the target's external packages.
      srcs: options.npmWorkspaces
        ? [`${target.name}/src/**`, `${target.name}/package.json`]
        : [`${target.name}/src/**`],
      ...(target.kind === 'property' ? { entry: target.srcs[0] } : {}),
      tests: [`${target.name}/test/**/*.test.ts`],
      deps: target.deps,
    };
  }
  const content = json({ version: 1, globalInputs: globalInputs(options), targets: entries });
  return { path: 'BUILD.json', content };
}

/** The npm dependencies a target declares: workspace deps, then external packages. */
export function targetDependencies(
  target: SynthTarget,
  byName: ReadonlyMap<string, SynthTarget>,
): Record<string, string> {
  const dependencies: Record<string, string> = {};
  for (const dep of target.deps) {
    const depTarget = byName.get(dep);
    if (depTarget) dependencies[depTarget.packageName] = workspaceVersion;
  }
  for (const external of target.externals) {
    dependencies[external] = caretRange(findExternal(external));
  }
  return sortKeys(dependencies);
}

export function targetPackageJson(
  target: SynthTarget,
  byName: ReadonlyMap<string, SynthTarget>,
): GeneratedFile {
  const dependencies = targetDependencies(target, byName);
  const main = `./${target.srcs[0]?.slice(target.name.length + 1) ?? 'src/index.ts'}`;
  const manifest = {
    name: target.packageName,
    version: workspaceVersion,
    private: true,
    type: 'module',
    exports: { '.': main },
    ...(Object.keys(dependencies).length > 0 ? { dependencies } : {}),
  };
  return { path: `${target.name}/package.json`, content: json(manifest) };
}

/** Without workspaces, external packages are the root package's dependencies. */
export function rootExternalDependencies(targets: readonly SynthTarget[]): Record<string, string> {
  const dependencies: Record<string, string> = {};
  for (const target of targets) {
    for (const external of target.externals) {
      dependencies[external] = caretRange(findExternal(external));
    }
  }
  return sortKeys(dependencies);
}

export function rootPackageJson(
  targets: readonly SynthTarget[],
  options: ResolvedSynthOptions,
): GeneratedFile {
  const dependencies = options.npmWorkspaces ? {} : rootExternalDependencies(targets);
  const manifest = {
    name: rootPackageName,
    version: workspaceVersion,
    private: true,
    type: 'module',
    packageManager,
    ...(options.npmWorkspaces ? { workspaces: workspaceGlobs } : {}),
    ...(Object.keys(dependencies).length > 0 ? { dependencies } : {}),
  };
  return { path: 'package.json', content: json(manifest) };
}

export function tsconfigFiles(
  targets: readonly SynthTarget[],
  options: ResolvedSynthOptions,
): GeneratedFile[] {
  const base = {
    compilerOptions: {
      target: 'ES2022',
      lib: ['ES2023'],
      module: 'ESNext',
      moduleResolution: 'bundler',
      strict: true,
      noUncheckedIndexedAccess: true,
      verbatimModuleSyntax: true,
      isolatedModules: true,
      allowImportingTsExtensions: true,
      noEmit: true,
      skipLibCheck: true,
      types: [],
      // Resolves workspace imports without an `npm install`.
      paths: { '@synth/*': ['./libs/*/src/index.ts'] },
    },
  };
  const files: GeneratedFile[] = [{ path: 'tsconfig.base.json', content: json(base) }];
  if (!options.code) return files;
  const usesExternals = targets.some((t) => t.externals.length > 0);
  const include = ['libs/*/src', 'properties/*/src', ...(usesExternals ? ['types'] : [])];
  files.push({
    path: 'tsconfig.json',
    content: json({ extends: './tsconfig.base.json', include }),
  });
  files.push({ path: 'vitest.config.ts', content: vitestConfig });
  if (usesExternals) {
    const names = [...new Set(targets.flatMap((t) => t.externals))].sort();
    const content = [
      '// Lets the sources type-check before `npm install` brings the real packages.',
      ...names.map((name) => `declare module '${name}';`),
      '',
    ].join('\n');
    files.push({ path: 'types/external-modules.d.ts', content });
  }
  return files;
}

// A plain object, not defineConfig from 'vitest/config': the sandbox has no node_modules,
// and mainline loads the repository's vitest config from the repository.
const vitestConfig = `import { fileURLToPath } from 'node:url';

// Resolves workspace imports to sources without an \`npm install\`.
const libs = fileURLToPath(new URL('./libs/', import.meta.url));

export default {
  resolve: { alias: [{ find: /^@synth\\/(l\\d+-\\d+)$/, replacement: \`\${libs}$1/src/index.ts\` }] },
};
`;

export const gitignore: GeneratedFile = {
  path: '.gitignore',
  // No trailing slash on node_modules: benchmarks link it as a symlink, not a folder.
  content: ['node_modules', 'dist/', '.mainline/', '.turbo/', '.nx/', ''].join('\n'),
};

export function sortKeys(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  );
}
