/**
 * The folders whose package.json yarn classic's lockfile needs (see yarnEntries): every
 * package.json of the tree outside node_modules, as a folder ('' = root) -> path map.
 */
export function manifestFolders(paths: Iterable<string>): Map<string, string> {
  const folders = new Map<string, string>();
  for (const path of paths) {
    if (path !== 'package.json' && !path.endsWith('/package.json')) continue;
    if (path.startsWith('node_modules/') || path.includes('/node_modules/')) continue;
    folders.set(path.slice(0, Math.max(0, path.length - '/package.json'.length)), path);
  }
  return folders;
}

/** Only yarn classic (a yarn.lock without berry's `__metadata`) reads package.json files. */
export function lockfileNeedsManifests(path: string, text: string | undefined): boolean {
  return path === 'yarn.lock' && text !== undefined && !/^__metadata:/m.test(text);
}
