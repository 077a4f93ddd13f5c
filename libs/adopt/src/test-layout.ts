import type { TestPlace } from './types.ts';

/** Folders whose files serve only tests, wherever they are in a package. */
const testFolderNames: ReadonlySet<string> = new Set([
  '__tests__',
  '__snapshots__',
  '__mocks__',
  '__fixtures__',
]);
/** Folders of tests at a package's top level. */
const topTestFolders: ReadonlySet<string> = new Set(['test', 'tests']);
/** A test file beside sources: `x.test.ts`, `x.spec.tsx`, as mainline runs them. */
const besideTest = /\.(test|spec)\.([cm]?[jt]sx?)$/;

export interface TestLayout {
  /** Globs covering the test files found, repository-relative. */
  readonly tests: readonly string[];
  readonly places: readonly TestPlace[];
  /** The package's files that the globs match. */
  readonly testFiles: ReadonlySet<string>;
}

/**
 * The tests of a package, from where its files are (`paths` relative to `folder`): one
 * glob per layout found (a top-level `test/`, `__tests__` folders, `*.test.*` beside
 * sources), as narrow as the files found allow, so no glob names a layout that is not there.
 */
export function findTestLayout(folder: string, paths: readonly string[]): TestLayout {
  const inFolder = new Map<string, string[]>(); // test folder (relative) -> files
  const beside: string[] = [];
  for (const path of paths) {
    const testFolder = testFolderOf(path);
    if (testFolder !== undefined) push(inFolder, testFolder, path);
    else if (besideTest.test(path)) beside.push(path);
  }
  const tests: string[] = [];
  const places: TestPlace[] = [];
  const testFiles = new Set<string>();
  const at = (relative: string): string => (relative === '' ? folder : `${folder}/${relative}`);

  // Top-level folders as they are; named folders (`__tests__`) by name, under the folder
  // they share when there are several. One place per glob, for the report.
  const byName = new Map<string, string[]>();
  const addFolderGlob = (relative: string, files: number): void => {
    tests.push(`${at(relative)}/**`);
    places.push({ type: 'folder', path: `${relative}/`, files });
  };
  const count = (folders: readonly string[]): number =>
    folders.reduce((sum, testFolder) => sum + (inFolder.get(testFolder)?.length ?? 0), 0);
  for (const testFolder of [...inFolder.keys()].sort()) {
    const name = testFolder.slice(testFolder.lastIndexOf('/') + 1);
    if (topTestFolders.has(testFolder)) addFolderGlob(testFolder, count([testFolder]));
    else push(byName, name, testFolder);
  }
  for (const [name, folders] of byName) {
    const only = folders.length === 1 ? folders[0] : undefined;
    if (only !== undefined) addFolderGlob(only, count(folders));
    else {
      const base = commonFolder(folders.map((path) => path.slice(0, -name.length - 1)));
      addFolderGlob(base === '' ? `**/${name}` : `${base}/**/${name}`, count(folders));
    }
  }
  for (const files of inFolder.values()) for (const file of files) testFiles.add(at(file));
  if (beside.length > 0) {
    const words = new Set<string>();
    const extensions = new Set<string>();
    for (const path of beside) {
      const [, word = '', extension = ''] = besideTest.exec(path) ?? [];
      words.add(word);
      extensions.add(extension);
      testFiles.add(at(path));
    }
    const base = commonFolder(beside.map(parentOf));
    tests.push(`${at(base)}/**/*.${alternatives(words)}.${alternatives(extensions)}`);
    places.push({ type: 'beside', path: base === '' ? './' : `${base}/`, files: beside.length });
  }
  places.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { tests, places, testFiles };
}

/** The test folder a file lies in: a top-level `test/`, else its first `__tests__`-like one. */
function testFolderOf(path: string): string | undefined {
  const segments = path.split('/');
  const first = segments[0] ?? '';
  if (segments.length > 1 && topTestFolders.has(first)) return first;
  for (let i = 0; i < segments.length - 1; i++) {
    if (testFolderNames.has(segments[i] ?? '')) return segments.slice(0, i + 1).join('/');
  }
  return undefined;
}

function parentOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash === -1 ? '' : path.slice(0, slash);
}

/** The deepest folder holding all of `folders` ('' for the package's own). */
function commonFolder(folders: readonly string[]): string {
  let common = folders[0]?.split('/') ?? [];
  for (const folder of folders.slice(1)) {
    const segments = folder.split('/');
    let same = 0;
    while (same < common.length && common[same] === segments[same]) same++;
    common = common.slice(0, same);
  }
  return common.join('/');
}

function alternatives(values: ReadonlySet<string>): string {
  const sorted = [...values].sort();
  return sorted.length === 1 ? (sorted[0] ?? '') : `{${sorted.join(',')}}`;
}

function push<V>(map: Map<string, V[]>, key: string, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
