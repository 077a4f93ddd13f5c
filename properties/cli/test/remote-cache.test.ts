import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMainlineError } from '@mainline/core';
import { makeTempDir } from '@mainline/test-utils';
import { describe, expect, it } from 'vitest';
import type { Io } from '../src/io.ts';
import { runRemoteCache } from '../src/remote-cache.ts';

function ioWith(env: Record<string, string>): Io & { readonly errors: string[] } {
  const errors: string[] = [];
  return {
    cwd: '/',
    env,
    stdoutIsTTY: false,
    stderrIsTTY: false,
    stdout() {},
    stderr: (text) => errors.push(text),
    readStdin: async () => '',
    onInterrupt: () => () => {},
    errors,
  };
}

function usage(call: () => unknown): string {
  try {
    call();
  } catch (error) {
    if (isMainlineError(error) && error.code === 'usage') return `${error.message} | ${error.hint}`;
    throw error;
  }
  throw new Error('expected a usage error');
}

const where = () => ({ root: makeTempDir('root'), state: makeTempDir('state') });

describe('runRemoteCache', () => {
  it('takes the URL from the environment over mainline.json, and the mode from the flag over the environment', async () => {
    const root = makeTempDir('root');
    writeFileSync(
      join(root, 'mainline.json'),
      '{ "remoteCache": { "url": "http://from-settings" } }',
    );
    const state = makeTempDir('state');
    const fromSettings = runRemoteCache(ioWith({}), undefined);
    expect(fromSettings.open({ root, state })?.remote).toBe('http://from-settings');
    await fromSettings.finish(undefined);
    const fromEnv = runRemoteCache(
      ioWith({ MAINLINE_REMOTE_CACHE: 'http://from-env/c' }),
      undefined,
    );
    expect(fromEnv.open({ root, state })?.remote).toBe('http://from-env/c');
    await fromEnv.finish(undefined);
    const off = ioWith({ MAINLINE_REMOTE_CACHE: 'http://x', MAINLINE_REMOTE_CACHE_MODE: 'read' });
    expect(runRemoteCache(off, 'off').open({ root, state })).toBeUndefined();
    // prepush and trunk read the repository's settings, not those of the commit checked out.
    const checkedOut = makeTempDir('checkout');
    writeFileSync(join(checkedOut, 'mainline.json'), '{ "remoteCache": { "token": "x" } }');
    const fromRepo = runRemoteCache(ioWith({}), undefined, root);
    expect(fromRepo.open({ root: checkedOut, state })?.remote).toBe('http://from-settings');
    await fromRepo.finish(undefined);
    // No URL anywhere: off, unless a mode asks for it.
    expect(runRemoteCache(ioWith({}), undefined).open(where())).toBeUndefined();
    expect(usage(() => runRemoteCache(ioWith({}), 'read').open(where()))).toBe(
      '--remote-cache=read needs a remote cache URL | set MAINLINE_REMOTE_CACHE, or remoteCache.url in mainline.json',
    );
  });

  it('refuses a bad mode, URL or half a credential before the run', () => {
    expect(
      usage(() => runRemoteCache(ioWith({ MAINLINE_REMOTE_CACHE_MODE: 'rw' }), undefined)),
    ).toBe(
      "MAINLINE_REMOTE_CACHE_MODE must be one of read, write, readwrite, off, not 'rw' | laptops typically read, CI readwrite; or unset it",
    );
    expect(
      usage(() => runRemoteCache(ioWith({ MAINLINE_REMOTE_CACHE: 'cache:8080' }), undefined)),
    ).toBe(
      "MAINLINE_REMOTE_CACHE must be an http:// or https:// URL, not 'cache:8080' | e.g. MAINLINE_REMOTE_CACHE=http://cache.internal:8080",
    );
    expect(
      usage(() => runRemoteCache(ioWith({ MAINLINE_REMOTE_CACHE_USER: 'ci' }), undefined)),
    ).toBe(
      'MAINLINE_REMOTE_CACHE_USER and MAINLINE_REMOTE_CACHE_PASSWORD go together | set both for basic auth, or MAINLINE_REMOTE_CACHE_TOKEN for a bearer token',
    );
  });
});
