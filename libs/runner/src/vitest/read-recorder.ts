import { readFileSync, realpathSync, rmSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { channelId } from './worker-channel.ts';

/**
 * Which repository files each test file reads through `node:fs` while it runs: what the
 * nightly's audit needs to name a test input no target owns (a non-hermetic test). Off
 * unless the request asks (`recordReads`): the code below is then added to the workers'
 * setup file, which runs before each test file. It wraps fs's reading functions (sync,
 * callback and promise reads, streams, and `open` with a read flag) in that worker, and
 * notes each new path inside the repository, outside any `node_modules` and the ignored
 * folders, into `<id>.reads` in the channel folder (one path a line, appended at once, so
 * a worker killed mid-file leaves what it read). A read is noted when it is asked for,
 * whether it then succeeds or not, and belongs to the file whose worker asked.
 */
export interface ReadRecording {
  /** Folders whose files are not recorded (absolute, or relative to the root): the state folder. */
  readonly ignore?: readonly string[];
}

/** The folders that bound what is recorded, absolute, each without a trailing separator. */
interface RecorderBounds {
  readonly roots: readonly string[];
  readonly ignore: readonly string[];
}

/** The bounds of a run's recording: the root as given and as its real path. */
export function recorderBounds(
  root: string,
  recording: ReadRecording,
  runFolders: readonly string[],
): RecorderBounds {
  const roots = [...new Set([root, realpathSync(root)])];
  const ignore = [...(recording.ignore ?? []), ...runFolders].map((dir) => resolve(root, dir));
  return { roots, ignore: [...new Set(ignore)] };
}

/**
 * The setup file's part that records reads (appended to the channel's, whose `dir` and
 * `id` it uses). Idempotent per worker: with `isolation: 'none'` a worker runs many files
 * and fs is wrapped once; each file then starts a list of its own.
 */
export function recorderSource(bounds: RecorderBounds): string {
  return `
{
  const { default: fs } = await import('node:fs');
  const { syncBuiltinESMExports } = await import('node:module');
  const { resolve } = await import('node:path');
  const { fileURLToPath } = await import('node:url');
  const roots = ${JSON.stringify(bounds.roots.map((dir) => dir + sep))};
  const ignore = ${JSON.stringify(bounds.ignore.map((dir) => dir + sep))};
  const key = Symbol.for('mainline.recordReads');
  const state = (globalThis[key] ??= { out: '', seen: new Set() });
  state.out = \`\${dir}/\${id}.reads\`;
  state.seen = new Set();
  if (!state.installed) {
    state.installed = true;
    const append = fs.appendFileSync;
    const note = (path) => {
      try {
        const text =
          typeof path === 'string' ? path
          : path instanceof URL ? (path.protocol === 'file:' ? fileURLToPath(path) : '')
          : Buffer.isBuffer(path) ? path.toString() : '';
        if (text === '') return;
        const absolute = resolve(text);
        const within = roots.find((prefix) => absolute.startsWith(prefix));
        if (within === undefined || ignore.some((prefix) => absolute.startsWith(prefix))) return;
        const relative = absolute.slice(within.length).replaceAll('\\\\', '/');
        if (relative.split('/').includes('node_modules') || state.seen.has(relative)) return;
        state.seen.add(relative);
        append(state.out, relative + '\\n');
      } catch {}
    };
    // open's flags: a string starting with 'r' (r, r+, rs+), or numbers but write-only.
    const reading = (flags) =>
      flags === undefined || flags === null ||
      (typeof flags === 'string' ? flags.startsWith('r') : (flags & 3) !== fs.constants.O_WRONLY);
    const wrap = (target, name, when) => {
      const original = target[name];
      if (typeof original !== 'function') return;
      target[name] = function (path, ...rest) {
        if (when === undefined || when(rest[0])) note(path);
        return original.call(this, path, ...rest);
      };
    };
    for (const name of ['readFileSync', 'readFile', 'createReadStream']) wrap(fs, name);
    for (const name of ['openSync', 'open']) wrap(fs, name, reading);
    wrap(fs.promises, 'readFile');
    wrap(fs.promises, 'open', reading);
    // ESM imports of node:fs and node:fs/promises see the wrapped functions too.
    syncBuiltinESMExports();
  }
}
`;
}

function readsFile(dir: string, moduleId: string): string {
  return join(dir, `${channelId(moduleId)}.reads`);
}

/** The repository files the test file at `moduleId` (absolute) read, sorted; none if it read none. */
export function recordedReads(dir: string, moduleId: string): string[] {
  let text: string;
  try {
    text = readFileSync(readsFile(dir, moduleId), 'utf8');
  } catch {
    return [];
  }
  return [...new Set(text.split('\n').filter((line) => line !== ''))].sort();
}

/** What each request file (relative to `root`) read, as recorded in the channel folder `dir`. */
export function readsIn(dir: string, root: string): (file: string) => readonly string[] {
  return (file) => (dir === '' ? [] : recordedReads(dir, join(root, file)));
}

/** Forgets what an earlier run in the same channel folder recorded for these files. */
export function clearRecordedReads(dir: string, moduleIds: readonly string[]): void {
  for (const moduleId of moduleIds) rmSync(readsFile(dir, moduleId), { force: true });
}
