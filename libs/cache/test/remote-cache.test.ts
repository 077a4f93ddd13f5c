import { existsSync, readFileSync } from 'node:fs';
import { rootCertificates } from 'node:tls';
import { join } from 'node:path';
import {
  type CacheServer,
  makeTempDir,
  selfSignedCert,
  startCacheServer,
} from '@mainline/test-utils';
import { describe, expect, it } from 'vitest';
import {
  entryPath,
  openRemoteCache,
  type RemoteCacheMode,
  type RemoteCacheOptions,
  sha256Hex,
} from '../src/index.ts';
import { keyA, writeTree } from './helpers.ts';

const output = 'export const a = 1;\n';

function open(
  url: string,
  mode: RemoteCacheMode = 'readwrite',
  more: Partial<RemoteCacheOptions> = {},
) {
  const warnings: string[] = [];
  const state = makeTempDir('state');
  const cache = openRemoteCache(state, {
    url,
    mode,
    onUnreachable: (location, reason) => warnings.push(`${location} ${reason}`),
    ...more,
  });
  return { cache, state, warnings };
}

/** Stores one action with one output through a first machine, uploads included. */
async function storedBy(server: CacheServer, mode: RemoteCacheMode = 'readwrite') {
  const first = open(server.url, mode);
  await first.cache.store(keyA, {
    rootDir: writeTree({ 'dist/a.js': output }),
    files: ['dist/a.js'],
  });
  expect(await first.cache.finish(2000)).toBe(0);
  return first;
}

describe('openRemoteCache', () => {
  it('shares a result between two machines, and keeps a remote hit locally', async () => {
    const server = await startCacheServer();
    await storedBy(server);
    expect([...server.entries.keys()].sort()).toEqual([
      `/cache/ac/${keyA}`,
      `/cache/cas/${sha256Hex(Buffer.from(output))}`,
    ]);
    const second = open(server.url);
    const found = await second.cache.lookup(keyA);
    if (found.kind !== 'hit') throw new Error(`expected a hit, got ${found.detail}`);
    const into = makeTempDir('into');
    expect(await second.cache.restore(found.action, into)).toMatchObject({ kind: 'restored' });
    expect(readFileSync(join(into, 'dist/a.js'), 'utf8')).toBe(output);
    expect([...second.cache.remoteHits.keys()]).toEqual([keyA]);
    // Kept locally: found again with the server gone.
    expect(existsSync(entryPath(join(second.state, 'cache'), 'ac', keyA))).toBe(true);
    await server.close();
    const again = await second.cache.lookup(keyA);
    expect(again.kind).toBe('hit');
    expect(second.warnings).toEqual([]);
  });

  it('never uses a blob whose content is not its name', async () => {
    const server = await startCacheServer();
    await storedBy(server);
    server.entries.set(`/cache/cas/${sha256Hex(Buffer.from(output))}`, Buffer.from('evil();\n'));
    const second = open(server.url);
    const found = await second.cache.lookup(keyA);
    if (found.kind !== 'hit') throw new Error('expected the manifest');
    const into = makeTempDir('into');
    expect(await second.cache.restore(found.action, into)).toMatchObject({
      kind: 'miss',
      reason: 'blob-missing',
    });
    expect(existsSync(join(into, 'dist/a.js'))).toBe(false);
  });

  it('reads only in read mode and writes only in write mode', async () => {
    const server = await startCacheServer();
    await storedBy(server, 'read');
    expect(server.entries.size).toBe(0);
    await storedBy(server, 'write');
    expect(server.entries.size).toBe(2);
    const before = server.requests.length;
    expect((await open(server.url, 'write').cache.lookup(keyA)).kind).toBe('miss');
    expect(server.requests.length).toBe(before);
  });

  it('sends the bearer token, and retries a 5xx once', async () => {
    const server = await startCacheServer();
    await storedBy(server);
    server.failNext(503);
    const second = open(server.url, 'read', { auth: { token: 's3cret' } });
    expect((await second.cache.lookup(keyA)).kind).toBe('hit');
    expect(server.requests.at(-1)).toMatchObject({
      method: 'GET',
      authorization: 'Bearer s3cret',
    });
    expect(second.warnings).toEqual([]);
  });

  it('warns once when the remote is down, then leaves it alone for the run', async () => {
    const server = await startCacheServer();
    await server.close();
    const { cache, warnings } = open(server.url);
    expect((await cache.lookup(keyA)).kind).toBe('miss');
    await cache.store(keyA, { rootDir: writeTree({ 'a.js': output }), files: ['a.js'] });
    expect((await cache.lookup(keyA)).kind).toBe('hit'); // the local cache still works
    expect(warnings).toEqual([`${server.url} ECONNREFUSED`]);
    expect(await cache.finish(2000)).toBe(0);
  });

  it('speaks https to a server whose CA it is given, and not to one it is not', async () => {
    const { key, cert } = selfSignedCert();
    const server = await startCacheServer({ key, cert });
    const trusted = open(server.url, 'readwrite', { ca: [...rootCertificates, cert] });
    await trusted.cache.store(keyA, { rootDir: writeTree({ 'a.js': output }), files: ['a.js'] });
    expect(await trusted.cache.finish(2000)).toBe(0);
    expect(server.entries.has(`/cache/ac/${keyA}`)).toBe(true);
    expect(trusted.warnings).toEqual([]);
    const untrusted = open(server.url, 'read');
    expect((await untrusted.cache.lookup(keyA)).kind).toBe('miss');
    expect(untrusted.warnings).toEqual([`${server.url} DEPTH_ZERO_SELF_SIGNED_CERT`]);
  });

  it('drops uploads a hung remote does not take within the bound', async () => {
    const server = await startCacheServer();
    server.hang();
    const { cache, warnings } = open(server.url, 'write');
    await cache.store(keyA, { rootDir: writeTree({ 'a.js': output }), files: ['a.js'] });
    expect(await cache.finish(100)).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 50)); // the cut upload fails meanwhile
    expect(warnings).toEqual([]);
  });
});
