import type { CommitSummary, GitRepo } from '@mainline/git';
import type { Store } from '@mainline/store';
import type { DashboardSource } from './actions.ts';
import type { Dashboard } from './dashboard.ts';
import { readLoopState } from './loop-state.ts';
import { nameCulprits, readDashboard, unknownCulprits } from './read-dashboard.ts';

/** Ages on screen ("5m ago") are read again at least this often, written to or not. */
const agesRefreshMs = 30_000;

export interface LiveOptions {
  readonly store: Store;
  /** The state folder: its trunk/lock says whether a loop runs. */
  readonly state: string;
  /** Where the culprits' authors and subjects are read (undefined: nowhere). */
  readonly git: () => Promise<GitRepo | undefined>;
  readonly now: () => number;
  /** How often the store is asked whether another process wrote to it. */
  readonly intervalMs?: number;
}

export interface LiveDashboard extends DashboardSource<Dashboard> {
  /** The dashboard once git named its culprits (for a snapshot printed once). */
  named(): Promise<Dashboard>;
  /** Stops polling. */
  stop(): void;
}

/**
 * The dashboard, kept current: every 250 ms it asks SQLite whether another connection
 * committed (`PRAGMA data_version`, no table read) and whether the trunk loop started or
 * stopped, and reads the store again only then. Reading never writes, so the trunk loop
 * and a nightly are never held up by the screen.
 */
export function liveDashboard(options: LiveOptions): LiveDashboard {
  const { store, state, now } = options;
  const commits = new Map<string, CommitSummary | undefined>();
  const listeners = new Set<() => void>();
  let version = store.dataVersion();
  let loop = readLoopState(state);
  let asking = false;
  const read = (): Dashboard =>
    nameCulprits(readDashboard(store, { now: now(), loop, commits }), commits);
  let current = read();

  const publish = (): void => {
    current = read();
    for (const listener of listeners) listener();
    void askGit();
  };
  // The culprits' authors and subjects: one `git log` for those not asked about yet.
  const askGit = async (): Promise<void> => {
    const wanted = unknownCulprits(current, commits);
    if (wanted.length === 0 || asking) return;
    asking = true;
    try {
      const git = await options.git();
      const found = git === undefined ? [] : await git.commitSummaries(wanted);
      for (const sha of wanted) commits.set(sha, undefined);
      for (const commit of found) commits.set(commit.sha, commit);
    } catch {
      for (const sha of wanted) commits.set(sha, undefined);
    } finally {
      asking = false;
    }
    current = nameCulprits(current, commits);
    for (const listener of listeners) listener();
  };
  const timer = setInterval(() => {
    try {
      const nextVersion = store.dataVersion();
      const nextLoop = readLoopState(state);
      const stale = now() - current.at > agesRefreshMs;
      const moved = nextLoop.running !== loop.running || nextLoop.pid !== loop.pid;
      if (nextVersion === version && !moved && !stale) return;
      version = nextVersion;
      loop = nextLoop;
      publish();
    } catch {
      // A store that failed (damaged, moved aside) keeps its last frame on screen.
    }
  }, options.intervalMs ?? 250);
  timer.unref();
  // After the first frame: starting git costs the screen's first paint 0.02 s.
  setImmediate(() => void askGit());

  return {
    current: () => current,
    named: async () => {
      await askGit();
      return current;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    refresh: publish,
    stop: () => clearInterval(timer),
  };
}
