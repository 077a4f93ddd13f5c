import { readFileSync } from 'node:fs';
import { rootCertificates } from 'node:tls';
import { openRemoteCache, type RemoteCacheAuth, type TieredArtifactCache } from '@mainline/cache';
import { MainlineError, type RunSummary } from '@mainline/core';
import { testPassKind } from '@mainline/engine';
import { readSettings } from '@mainline/workspace';
import type { Io } from './io.ts';

/** `--remote-cache`'s choices (and MAINLINE_REMOTE_CACHE_MODE's). */
export const remoteCacheModes = ['read', 'write', 'readwrite', 'off'] as const;
type ModeChoice = (typeof remoteCacheModes)[number];

/** How long the end of a run waits for uploads still queued before dropping them. */
const drainMs = 2000;

/** The remote cache as a run uses it: made once the repository's root is known. */
export interface RunRemoteCache {
  /** For `runPipeline`'s `sharedCache`: the tiered cache, or none when it is off. */
  readonly open: (where: { root: string; state: string }) => TieredArtifactCache | undefined;
  /**
   * At the end of the run: waits (at most 2 s) for uploads, warns when some were dropped,
   * and gives the line saying what came from the remote, when it was read.
   */
  readonly finish: (summary: RunSummary | undefined) => Promise<string | undefined>;
}

/**
 * The remote cache from the flag, then the environment, then mainline.json: the URL from
 * MAINLINE_REMOTE_CACHE or `remoteCache.url`; the mode from `--remote-cache` or
 * MAINLINE_REMOTE_CACHE_MODE (default: readwrite with a URL, off without); credentials
 * only from the environment. Bad values are usage errors, found before the run starts
 * (the flag and the environment) or as it opens the repository (the settings).
 */
export function runRemoteCache(
  io: Io,
  flag: string | undefined,
  /**
   * The repository's root when the command knows it (prepush, trunk): its mainline.json is
   * read now, not the one of each commit a run checks out (a pushed commit's broken settings
   * are that commit's problem, not the check's).
   */
  repoRoot?: string,
): RunRemoteCache {
  const chosen = modeOf(flag, io.env.MAINLINE_REMOTE_CACHE_MODE);
  const envUrl = io.env.MAINLINE_REMOTE_CACHE || undefined;
  if (envUrl !== undefined) checkUrl(envUrl, 'MAINLINE_REMOTE_CACHE');
  const auth = authOf(io.env);
  // The repository's settings, when read up front; else each run reads its own root's.
  const settingsOf = (root: string) => readSettings(root).remoteCache;
  const upFront =
    envUrl === undefined && repoRoot !== undefined && chosen !== 'off'
      ? { url: settingsOf(repoRoot)?.url }
      : undefined;
  let cache: TieredArtifactCache | undefined;
  let finished = false;
  let down = false;
  return {
    // One cache for every run of the command (a prepush's refs and waves, the trunk loop's
    // batches): one breaker, one upload queue.
    open({ root, state }) {
      if (chosen === 'off' || finished) return undefined;
      if (cache !== undefined) return cache;
      const url = envUrl ?? (upFront ?? { url: settingsOf(root)?.url }).url;
      if (url === undefined) {
        if (chosen === undefined) return undefined;
        throw new MainlineError('usage', `--remote-cache=${chosen} needs a remote cache URL`, {
          hint: 'set MAINLINE_REMOTE_CACHE, or remoteCache.url in mainline.json',
        });
      }
      const ca = url.startsWith('https:') ? extraCa(io.env.NODE_EXTRA_CA_CERTS) : undefined;
      cache = openRemoteCache(state, {
        url,
        mode: chosen ?? 'readwrite',
        ...(auth ? { auth } : {}),
        ...(ca ? { ca } : {}),
        onUnreachable(location, reason) {
          down = true;
          io.stderr(
            `mainline: remote cache ${location} unreachable (${reason}); using the local cache only\n`,
          );
        },
      });
      return cache;
    },
    async finish(summary) {
      if (cache === undefined || finished) return undefined;
      const finishing = cache;
      finished = true; // once: a run that threw is finished again on the way out
      const dropped = await finishing.finish(drainMs);
      if (dropped > 0 && !down) {
        io.stderr(
          `mainline: remote cache ${finishing.remote}: ${dropped} upload${dropped === 1 ? '' : 's'} not done in ${drainMs / 1000} s, dropped (the build is not affected)\n`,
        );
      }
      if (summary === undefined || chosen === 'write' || down) return undefined;
      return fromRemoteLine(finishing, summary);
    },
  };
}

/** `remote cache: 3 builds and 2 tests from <url>`: what this run took from the remote. */
function fromRemoteLine(cache: TieredArtifactCache, summary: RunSummary): string {
  const builds = new Set<string>();
  const tests = new Set<string>();
  for (const action of cache.remoteHits.values()) {
    const { target, kind } = action.metadata.labels;
    if (target !== undefined) (kind === testPassKind ? tests : builds).add(target);
  }
  // Only what the run then used: a remote entry that failed its check was rebuilt.
  const count = (results: readonly { target: string; status: string }[], from: Set<string>) =>
    results.filter((result) => result.status === 'cached' && from.has(result.target)).length;
  const b = count(summary.builds, builds);
  const t = count(summary.tests, tests);
  return `remote cache: ${b} build${b === 1 ? '' : 's'} and ${t} test${t === 1 ? '' : 's'} from ${cache.remote}\n`;
}

function modeOf(flag: string | undefined, env: string | undefined): ModeChoice | undefined {
  if (flag !== undefined) return flag as ModeChoice; // commander checked the choice
  if (env === undefined || env === '') return undefined;
  if ((remoteCacheModes as readonly string[]).includes(env)) return env as ModeChoice;
  throw new MainlineError(
    'usage',
    `MAINLINE_REMOTE_CACHE_MODE must be one of read, write, readwrite, off, not '${env}'`,
    {
      hint: 'laptops typically read, CI readwrite; or unset it',
    },
  );
}

function checkUrl(url: string, from: string): void {
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  if (parsed === undefined || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) {
    throw new MainlineError('usage', `${from} must be an http:// or https:// URL, not '${url}'`, {
      hint: 'e.g. MAINLINE_REMOTE_CACHE=http://cache.internal:8080',
    });
  }
}

function authOf(env: NodeJS.ProcessEnv): RemoteCacheAuth | undefined {
  const token = env.MAINLINE_REMOTE_CACHE_TOKEN;
  if (token) return { token };
  const user = env.MAINLINE_REMOTE_CACHE_USER;
  const password = env.MAINLINE_REMOTE_CACHE_PASSWORD;
  if (!user && !password) return undefined;
  if (!user || !password) {
    throw new MainlineError(
      'usage',
      'MAINLINE_REMOTE_CACHE_USER and MAINLINE_REMOTE_CACHE_PASSWORD go together',
      { hint: 'set both for basic auth, or MAINLINE_REMOTE_CACHE_TOKEN for a bearer token' },
    );
  }
  return { user, password };
}

/**
 * Node's CAs and NODE_EXTRA_CA_CERTS's file: bin/mainline starts `test` and `build`
 * without the variable (parsing it costs 40 to 80 ms), so the remote cache loads it itself.
 * An unreadable file adds nothing, as Node does (which only warns).
 */
function extraCa(file: string | undefined): string[] | undefined {
  if (!file) return undefined;
  try {
    return [...rootCertificates, readFileSync(file, 'utf8')];
  } catch {
    return undefined;
  }
}
