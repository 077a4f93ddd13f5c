import {
  chmodSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import {
  brokenLockfile,
  bumpLockedPackage,
  lockedNames,
  yarnOrPnpmLockfile,
} from './random-lockfile-edits.ts';

interface TargetJson {
  kind: string;
  srcs: string[];
  tests?: string[];
  deps?: string[];
  testDeps?: string[];
  entry?: string;
}
interface BuildJson {
  version: 1;
  globalInputs?: string[];
  targets: Record<string, TargetJson>;
}
interface LockJson {
  lockfileVersion: number;
  packages: Record<
    string,
    { version?: string; integrity?: string; dependencies?: Record<string, string> }
  >;
}

export type Rng = () => number;

/**
 * Applies one random edit of the kinds that make "affected" hard: file edits, adds,
 * deletes and renames (inside, across and out of targets), mode changes, BUILD.json
 * edits (targets added, removed, re-globbed, tests among sources, negations, deps
 * changed, reformatted), lockfile edits (direct, transitive, unparsable), global inputs
 * and target manifests (a dependency, a description, a script). Returns what it did.
 */
export function applyRandomChange(dir: string, files: readonly string[], rng: Rng): string {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rng() * items.length)] as T;
  const lockfiles = ['package-lock.json', 'yarn.lock', 'pnpm-lock.yaml'];
  const plain = files.filter((f) => f !== 'BUILD.json' && !lockfiles.includes(f));
  const kinds = [
    'edit',
    'edit',
    'add',
    'delete',
    'rename',
    'chmod',
    'import',
    'build-add-target',
    'build-remove-target',
    'build-glob',
    'build-tests',
    'build-negate',
    'build-dep',
    'build-format',
    'build-globals',
    'lock-bump',
    'lock-transitive',
    'lock-break',
    'global',
    'manifest-dep',
    'manifest-meta',
    'build-test-dep',
  ] as const;
  const kind = pick(kinds);
  const write = (path: string, text: string): void => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  const build = (): BuildJson => JSON.parse(readFileSync(join(dir, 'BUILD.json'), 'utf8'));
  const saveBuild = (json: BuildJson): void =>
    write('BUILD.json', `${JSON.stringify(json, null, 2)}\n`);
  const targetNames = (): string[] => Object.keys(build().targets);
  const targetDir = (name: string): string => name;
  switch (kind) {
    case 'edit': {
      const file = pick(plain);
      write(file, `${readFileSync(join(dir, file), 'utf8')}\n// edited ${rng()}\n`);
      return `edit ${file}`;
    }
    case 'add': {
      const where = pick([
        ...targetNames().map((t) => `${targetDir(t)}/src`),
        ...targetNames().map((t) => `${targetDir(t)}/test`),
        'docs',
      ]);
      // A test beside the sources, too: both lists may hold it (the tests win).
      const test = where.endsWith('test') || rng() < 0.3;
      const file = `${where}/added ${Math.floor(rng() * 1e6)}${test ? '.test.ts' : '.ts'}`;
      write(file, `export const added = ${rng()};\n`);
      return `add ${file}`;
    }
    case 'delete': {
      const file = pick(plain);
      rmSync(join(dir, file));
      return `delete ${file}`;
    }
    case 'rename': {
      const file = pick(plain);
      const into = pick([
        dirname(file),
        ...targetNames().map((t) => `${targetDir(t)}/src`),
        'docs',
      ]);
      const to = `${into}/renamed-${Math.floor(rng() * 1e6)}-${file.split('/').pop()}`;
      mkdirSync(dirname(join(dir, to)), { recursive: true });
      renameSync(join(dir, file), join(dir, to));
      return `rename ${file} -> ${to}`;
    }
    case 'chmod': {
      const file = pick(plain);
      chmodSync(join(dir, file), 0o755);
      return `chmod +x ${file}`;
    }
    case 'import': {
      const file = pick(plain.filter((f) => f.endsWith('.ts')));
      if (file === undefined) return 'nothing';
      const lock = readLock(dir);
      const other = yarnOrPnpmLockfile(dir);
      const names = lock
        ? Object.keys(lock.packages)
            .filter((k) => k.startsWith('node_modules/'))
            .map((k) => k.replace(/^.*node_modules\//, ''))
        : other
          ? lockedNames(other.text)
          : [];
      const name = names.length > 0 ? pick(names) : 'left-pad';
      write(file, `import '${name}';\n${readFileSync(join(dir, file), 'utf8')}`);
      return `import ${name} in ${file}`;
    }
    case 'build-add-target': {
      const json = build();
      const name = `libs/new-${Math.floor(rng() * 1e6)}`;
      const existing = Object.keys(json.targets);
      json.targets[name] = {
        kind: 'lib',
        srcs: [`${name}/src/**`],
        deps: existing.length ? [pick(existing)] : [],
      };
      write(`${name}/src/index.ts`, 'export const fresh = 1;\n');
      saveBuild(json);
      return `add target ${name}`;
    }
    case 'build-remove-target': {
      const json = build();
      const name = pick(Object.keys(json.targets));
      delete json.targets[name];
      for (const target of Object.values(json.targets)) {
        if (target.deps) target.deps = target.deps.filter((d) => d !== name);
        if (target.testDeps) target.testDeps = target.testDeps.filter((d) => d !== name);
      }
      saveBuild(json);
      return `remove target ${name}`;
    }
    case 'build-glob': {
      const json = build();
      const name = pick(Object.keys(json.targets));
      const target = json.targets[name] as TargetJson;
      target.srcs = [...target.srcs, pick(['docs/**', `${name}/test/**`, '*.md', 'nothing/**'])];
      saveBuild(json);
      return `glob added to ${name}`;
    }
    case 'build-tests': {
      const json = build();
      const name = pick(Object.keys(json.targets));
      const target = json.targets[name] as TargetJson;
      // Tests among the sources take files out of the build; a folder apart does not.
      target.tests = [
        ...(target.tests ?? []),
        pick([`${name}/src/**/*.test.ts`, `${name}/**/*.ts`, `${name}/spec/**`]),
      ];
      saveBuild(json);
      return `tests glob added to ${name}`;
    }
    case 'build-negate': {
      const json = build();
      const name = pick(Object.keys(json.targets));
      const target = json.targets[name] as TargetJson;
      if (rng() < 0.5 || target.tests === undefined || target.tests.length === 0) {
        target.srcs = [...target.srcs, pick([`!${name}/src/*.ts`, `!${name}/**/*.test.ts`])];
      } else {
        target.tests = [...target.tests, pick([`!${name}/test/added*`, `!${name}/**/*.test.ts`])];
      }
      saveBuild(json);
      return `negation added to ${name}`;
    }
    case 'build-dep': {
      const json = build();
      const names = Object.keys(json.targets);
      const from = pick(names);
      const target = json.targets[from] as TargetJson;
      if (target.deps && target.deps.length > 0 && rng() < 0.5) {
        target.deps = target.deps.slice(1);
        saveBuild(json);
        return `dep removed from ${from}`;
      }
      const to = pick(names.filter((n) => n !== from && !reaches(json, n, from)));
      if (to === undefined) return 'nothing';
      target.deps = [...new Set([...(target.deps ?? []), to])];
      saveBuild(json);
      return `dep ${from} -> ${to}`;
    }
    case 'build-test-dep': {
      // Any other target, even a dependent: test deps make no build cycle.
      const json = build();
      const names = Object.keys(json.targets);
      const from = pick(names);
      const to = pick(names.filter((n) => n !== from));
      const target = json.targets[from] as TargetJson;
      if (to === undefined) return 'nothing';
      target.testDeps = [...new Set([...(target.testDeps ?? []), to])];
      saveBuild(json);
      return `test dep ${from} -> ${to}`;
    }
    case 'build-format': {
      write('BUILD.json', `${JSON.stringify(build(), null, 4)}\n`);
      return 'BUILD.json reformatted';
    }
    case 'build-globals': {
      const json = build();
      json.globalInputs = [
        ...(json.globalInputs ?? []),
        pick(['.nvmrc', 'docs/**', 'missing.json']),
      ];
      saveBuild(json);
      return 'globalInputs changed';
    }
    case 'lock-bump':
    case 'lock-transitive': {
      const other = yarnOrPnpmLockfile(dir);
      if (other) {
        const version = `${Math.floor(rng() * 9) + 1}.0.${Math.floor(rng() * 9)}`;
        const bumped = bumpLockedPackage(other.path, other.text, pick, version);
        if (!bumped) return 'nothing';
        write(other.path, bumped.text);
        return `${other.path}: ${bumped.what}`;
      }
      const lock = readLock(dir);
      const keys = lock
        ? Object.keys(lock.packages).filter((k) => k.includes('node_modules/'))
        : [];
      if (!lock || keys.length === 0) return 'nothing';
      const key = pick(keys);
      const entry = lock.packages[key] as LockJson['packages'][string];
      entry.version = `${Math.floor(rng() * 9) + 1}.0.${Math.floor(rng() * 9)}`;
      entry.integrity = `sha512-${Math.floor(rng() * 1e9)}`;
      writeFileSync(join(dir, 'package-lock.json'), `${JSON.stringify(lock, null, 2)}\n`);
      return `lockfile ${key} -> ${entry.version}`;
    }
    case 'lock-break': {
      const other = yarnOrPnpmLockfile(dir);
      if (other) {
        write(other.path, brokenLockfile(other.path));
        return `${other.path} broken`;
      }
      if (!existsSync(join(dir, 'package-lock.json'))) return 'nothing';
      write('package-lock.json', '{ "lockfileVersion": 3, "packages": {');
      return 'lockfile broken';
    }
    case 'manifest-dep':
    case 'manifest-meta': {
      const manifests = targetNames()
        .map((name) => `${targetDir(name)}/package.json`)
        .filter((path) => existsSync(join(dir, path)));
      if (manifests.length === 0) return 'nothing';
      const path = pick(manifests);
      const manifest = JSON.parse(readFileSync(join(dir, path), 'utf8')) as Record<
        string,
        Record<string, string> | string
      >;
      const version = `${Math.floor(rng() * 9) + 1}.0.0`;
      if (kind === 'manifest-dep') {
        const deps = manifest.dependencies;
        manifest.dependencies = { ...(typeof deps === 'object' ? deps : {}), 'left-pad': version };
      } else if (rng() < 0.5) manifest.description = version;
      else manifest.scripts = { test: `vitest ${version}` };
      write(path, `${JSON.stringify(manifest, null, 2)}\n`);
      return `${kind} ${path}`;
    }
    case 'global': {
      write(
        'tsconfig.base.json',
        `${existsSync(join(dir, 'tsconfig.base.json')) ? readFileSync(join(dir, 'tsconfig.base.json'), 'utf8') : '{}'}\n`,
      );
      return 'global input edited';
    }
  }
}

function readLock(dir: string): LockJson | undefined {
  try {
    return JSON.parse(readFileSync(join(dir, 'package-lock.json'), 'utf8'));
  } catch {
    return undefined;
  }
}

/** Whether `from` depends on `to`, transitively. */
function reaches(json: BuildJson, from: string, to: string): boolean {
  const seen = new Set<string>();
  const stack = [from];
  while (stack.length > 0) {
    const name = stack.pop() as string;
    if (name === to) return true;
    if (seen.has(name)) continue;
    seen.add(name);
    stack.push(...(json.targets[name]?.deps ?? []));
  }
  return false;
}
