import { relative, sep } from 'node:path';

export interface FileWatcher {
  close(): Promise<void>;
}

/** Never watched: git's own files, installed packages, mainline's state and outputs. */
const ignoredFolder = /(^|\/)(\.git|node_modules|\.mainline)(\/|$)/;

/**
 * Watches the files under `root` with chokidar (loaded here, on first use) and reports
 * each added, changed or removed file as a repo-relative path; a rename arrives as its
 * removal and its addition. Resolves once the initial scan is done.
 */
export async function watchFiles(
  root: string,
  onChange: (paths: string[]) => void,
): Promise<FileWatcher> {
  const { watch } = (await import(chokidarModule)) as typeof import('chokidar');
  const toRelative = (path: string): string => relative(root, path).split(sep).join('/');
  const watcher = watch(root, {
    ignoreInitial: true,
    ignored: (path: string) => ignoredFolder.test(toRelative(path)),
  });
  for (const event of ['add', 'change', 'unlink'] as const) {
    watcher.on(event, (path: string) => onChange([toRelative(path)]));
  }
  await new Promise<void>((resolve, reject) => {
    watcher.once('ready', () => resolve());
    watcher.once('error', reject);
  });
  return { close: () => watcher.close() };
}

/** A variable, so that bundlers leave chokidar out: it loads only when watching. */
const chokidarModule = 'chokidar';
