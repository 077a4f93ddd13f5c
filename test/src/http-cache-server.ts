import { createServer, type IncomingMessage, type RequestListener, type Server } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';
import { makeTempDir } from './temp-dirs.ts';

/**
 * A Bazel HTTP cache in memory (GET, PUT, HEAD on /ac/<key> and /cas/<sha256>), on a free
 * loopback port, closed when the test finishes. The nginx end-to-end test covers a real
 * server; this one lets a test see the requests, damage entries and fail on purpose.
 */
export interface CacheServer {
  readonly url: string;
  readonly entries: Map<string, Buffer>;
  readonly requests: { method: string; path: string; authorization?: string }[];
  /** Answers the next N requests with this status instead. */
  failNext(status: number, times?: number): void;
  /** Accepts requests and never answers them. */
  hang(): void;
  close(): Promise<void>;
}

/** `tls`: serve https with this key and certificate (PEM). */
export async function startCacheServer(tls?: { key: string; cert: string }): Promise<CacheServer> {
  const entries = new Map<string, Buffer>();
  const requests: CacheServer['requests'] = [];
  let failing: { status: number; times: number } | undefined;
  let hanging = false;
  const listener: RequestListener = async (request, response) => {
    const body = await readBody(request);
    const path = request.url ?? '/';
    requests.push({
      method: request.method ?? '',
      path,
      ...(request.headers.authorization ? { authorization: request.headers.authorization } : {}),
    });
    if (hanging) return;
    if (failing !== undefined && failing.times > 0) {
      failing.times--;
      response.writeHead(failing.status).end();
      return;
    }
    const found = entries.get(path);
    if (request.method === 'PUT') {
      entries.set(path, body);
      response.writeHead(201).end();
    } else if (found === undefined) {
      response.writeHead(404).end();
    } else if (request.method === 'HEAD') {
      response.writeHead(200, { 'content-length': found.length }).end();
    } else {
      response.writeHead(200).end(found);
    }
  };
  const server: Server = tls ? createTlsServer(tls, listener) : createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const close = (): Promise<void> =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  onTestFinished(close);
  return {
    url: `${tls ? 'https' : 'http'}://127.0.0.1:${port}/cache`,
    entries,
    requests,
    failNext(status, times = 1) {
      failing = { status, times };
    },
    hang() {
      hanging = true;
    },
    close,
  };
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

/** A key and a self-signed certificate for 127.0.0.1 (openssl), and the certificate's file. */
export function selfSignedCert(): { key: string; cert: string; certFile: string } {
  const dir = makeTempDir('tls');
  const keyFile = join(dir, 'key.pem');
  const certFile = join(dir, 'cert.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
      '-keyout',
      keyFile,
      '-out',
      certFile,
    ],
    { stdio: 'ignore' },
  );
  return { key: readFileSync(keyFile, 'utf8'), cert: readFileSync(certFile, 'utf8'), certFile };
}
