import http from 'node:http';
import https from 'node:https';
import { errorCode, errorMessage } from './errors.ts';
import type { BlobRef, CacheBackend } from './types.ts';

/** Credentials for the remote cache; they come from the environment, never a file. */
export type RemoteCacheAuth =
  | { readonly token: string }
  | { readonly user: string; readonly password: string };

export interface HttpBackendOptions {
  readonly auth?: RemoteCacheAuth;
  /**
   * The trusted CA certificates (PEM) for an https URL, instead of Node's: pass
   * `tls.rootCertificates` with NODE_EXTRA_CA_CERTS's file to add to them.
   */
  readonly ca?: string | Buffer | readonly (string | Buffer)[];
  /** Default 2,000 ms: a down host costs this once, then the breaker keeps it off. */
  readonly connectTimeoutMs?: number;
  /** Default 10,000 ms for one request, body included. */
  readonly requestTimeoutMs?: number;
  /** HEAD requests in flight at once for findMissingBlobs. Default 8. */
  readonly concurrency?: number;
}

/** The remote cache failed to answer: `reason` is short, for one line (ECONNREFUSED, HTTP 503, timeout). */
export class RemoteCacheError extends Error {
  constructor(
    readonly reason: string,
    message: string,
  ) {
    super(message);
  }
}

export interface HttpBackend extends CacheBackend {
  /** Closes idle keep-alive connections. */
  close(): void;
}

interface Answer {
  readonly status: number;
  readonly body: Buffer;
}

/**
 * A Bazel HTTP cache (`/ac/<key>`, `/cas/<sha256>`: bazel-remote, nginx with WebDAV) as a
 * backend. Node's http/https rather than `fetch`: fetch takes neither a CA file nor a
 * connect timeout without undici's own API, which Node does not expose as a module. A
 * request is retried once on a network error or a 5xx; anything else that is not a 2xx or
 * a 404 throws RemoteCacheError. Bytes are returned unchecked: checking is the caller's.
 */
export function openHttpBackend(url: string, options: HttpBackendOptions = {}): HttpBackend {
  const base = new URL(url.endsWith('/') ? url : `${url}/`);
  const secure = base.protocol === 'https:';
  const agent = secure
    ? new https.Agent({
        keepAlive: true,
        maxSockets: 16,
        ...(options.ca === undefined
          ? {}
          : { ca: options.ca as string | Buffer | (string | Buffer)[] }),
      })
    : new http.Agent({ keepAlive: true, maxSockets: 16 });
  const headers: Record<string, string> = {};
  if (options.auth !== undefined) headers.authorization = authorization(options.auth);
  const connectMs = options.connectTimeoutMs ?? 2000;
  const requestMs = options.requestTimeoutMs ?? 10_000;
  const location = base.href.replace(/\/$/, '');
  // Requests in flight, so that close() ends them: a hung upload must not keep the process.
  const inflight = new Set<http.ClientRequest>();
  let closed = false;

  const once = (method: string, path: string, body?: Uint8Array): Promise<Answer> =>
    new Promise((resolve, reject) => {
      const target = new URL(path, base);
      if (closed) {
        reject(new RemoteCacheError('closed', `${method} ${target.href}: the cache was closed`));
        return;
      }
      const request = (secure ? https : http).request(target, {
        method,
        agent,
        headers: body === undefined ? headers : { ...headers, 'content-length': body.length },
      });
      inflight.add(request);
      request.on('close', () => inflight.delete(request));
      const fail = (reason: string, message: string): void => {
        request.destroy();
        reject(new RemoteCacheError(reason, message));
      };
      const overall = setTimeout(
        () => fail('timeout', `${method} ${target.href}: no answer in ${requestMs} ms`),
        requestMs,
      );
      request.on('socket', (socket) => {
        if (!socket.connecting) return;
        const connect = setTimeout(
          () => fail('timeout', `${method} ${target.href}: no connection in ${connectMs} ms`),
          connectMs,
        );
        socket.once('connect', () => clearTimeout(connect));
        socket.once('close', () => clearTimeout(connect));
      });
      request.on('error', (error) => {
        clearTimeout(overall);
        const code = errorCode(error) ?? 'network error';
        reject(new RemoteCacheError(code, `${method} ${target.href}: ${errorMessage(error)}`));
      });
      request.on('response', (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', (error) => {
          clearTimeout(overall);
          reject(new RemoteCacheError('network error', errorMessage(error)));
        });
        response.on('end', () => {
          clearTimeout(overall);
          resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks) });
        });
      });
      request.end(body === undefined ? undefined : Buffer.from(body));
    });

  // One retry, on what may pass a second time: the network, or the server's own trouble.
  const send = async (method: string, path: string, body?: Uint8Array): Promise<Answer> => {
    let answer: Answer | undefined;
    try {
      answer = await once(method, path, body);
    } catch (error) {
      // A timeout is not tried again: a down cache costs one timeout, not two.
      if (error instanceof RemoteCacheError && error.reason === 'timeout') throw error;
    }
    if (answer === undefined || answer.status >= 500) answer = await once(method, path, body);
    if (answer.status >= 200 && answer.status < 300) return answer;
    if (answer.status === 404) return answer;
    throw new RemoteCacheError(
      `HTTP ${answer.status}`,
      `${method} ${new URL(path, base).href}: HTTP ${answer.status}`,
    );
  };
  const read = async (path: string): Promise<Uint8Array | undefined> => {
    const answer = await send('GET', path);
    return answer.status === 404 ? undefined : answer.body;
  };
  const write = async (path: string, bytes: Uint8Array): Promise<void> => {
    const answer = await send('PUT', path, bytes);
    if (answer.status === 404) {
      throw new RemoteCacheError('HTTP 404', `PUT ${new URL(path, base).href}: HTTP 404`);
    }
  };
  const concurrency = options.concurrency ?? 8;

  return {
    location,
    readAction: (key) => read(`ac/${key}`),
    writeAction: (key, bytes) => write(`ac/${key}`, bytes),
    readBlob: (digest) => read(`cas/${digest}`),
    writeBlob: (digest, bytes) => write(`cas/${digest}`, bytes),
    async findMissingBlobs(blobs: readonly BlobRef[]) {
      const missing = new Set<string>();
      let next = 0;
      const worker = async (): Promise<void> => {
        for (let blob = blobs[next++]; blob !== undefined; blob = blobs[next++]) {
          const answer = await send('HEAD', `cas/${blob.digest}`);
          // A blob present but damaged is found when read (its digest), and then rebuilt.
          if (answer.status === 404) missing.add(blob.digest);
        }
      };
      await Promise.all(Array.from({ length: Math.min(concurrency, blobs.length) }, worker));
      return missing;
    },
    // A shared cache is not ours to delete from: a corrupt entry is only never used.
    async discard() {},
    close() {
      closed = true;
      for (const request of inflight) request.destroy();
      agent.destroy();
    },
  };
}

function authorization(auth: RemoteCacheAuth): string {
  if ('token' in auth) return `Bearer ${auth.token}`;
  return `Basic ${Buffer.from(`${auth.user}:${auth.password}`, 'utf8').toString('base64')}`;
}
