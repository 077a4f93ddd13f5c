import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

/** A running nginx serving a Bazel HTTP cache over WebDAV (see startNginxCache). */
export interface NginxCache {
  /** `http://127.0.0.1:<port>/cache`: the URL to give MAINLINE_REMOTE_CACHE. */
  readonly url: string;
  /** The folder nginx stores `ac/` and `cas/` in: what a test damages. */
  readonly root: string;
  /** Stops nginx and waits until its master process is gone (the port is then free). */
  stop(): void;
}

/** The server block the README documents, with the paths and the port of a test. */
export function nginxCacheServer(port: number, root: string): string {
  return `server {
    listen 127.0.0.1:${port};
    location /cache/ {
      root ${root};
      dav_methods PUT;
      create_full_put_path on;
      dav_access user:rw group:r all:r;
      client_max_body_size 1g;
    }
  }`;
}

/**
 * Starts nginx (Debian's, with its WebDAV module) on a free loopback port, without root:
 * its config, pid, logs and temp folders in `dir` (an empty folder the caller owns).
 */
export async function startNginxCache(dir: string): Promise<NginxCache> {
  const root = join(dir, 'data');
  mkdirSync(join(root, 'cache'), { recursive: true });
  mkdirSync(join(dir, 'logs'), { recursive: true });
  const port = await freePort();
  const config = join(dir, 'nginx.conf');
  const errorLog = join(dir, 'logs', 'error.log');
  // As root, nginx's workers would run as nobody, who cannot write into a private temp folder.
  const asRoot = process.getuid?.() === 0 ? 'user root;\n' : '';
  const temp = (name: string) => `${name}_temp_path ${join(dir, `${name}-temp`)};`;
  writeFileSync(
    config,
    `daemon on;
${asRoot}pid ${join(dir, 'nginx.pid')};
error_log ${errorLog} warn;
events { worker_connections 256; }
http {
  access_log off;
  ${['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(temp).join('\n  ')}
  ${nginxCacheServer(port, root)}
}
`,
  );
  const nginx = (args: string[]) =>
    spawnSync('nginx', ['-p', dir, '-c', config, '-e', errorLog, ...args], { encoding: 'utf8' });
  const started = nginx([]);
  if (started.status !== 0) {
    throw new Error(`nginx did not start: ${started.stderr || started.error?.message}`);
  }
  let running = true;
  return {
    url: `http://127.0.0.1:${port}/cache`,
    root: join(root, 'cache'),
    stop() {
      if (!running) return;
      running = false;
      nginx(['-s', 'stop']);
      waitForExit(join(dir, 'nginx.pid'));
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** `nginx -s stop` only signals: the port is free once the master process is gone. */
function waitForExit(pidFile: string): void {
  let pid: number;
  try {
    pid = Number(readFileSync(pidFile, 'utf8').trim());
  } catch {
    return;
  }
  const until = Date.now() + 5000;
  while (Date.now() < until) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
  }
}
