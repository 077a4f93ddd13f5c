import type { PoolOptions, PoolRunnerInitializer, PoolWorker, WorkerRequest } from 'vitest/node';
import type { VitestNodeApi } from './load-vitest.ts';
import { ThreadWorker } from './thread-worker.ts';

/** Why a file's worker is gone before the file finished. */
export interface WorkerFailure {
  readonly reason: 'timeout' | 'crashed';
  readonly message: string;
}

/** What a watched pool asks of the run, and tells it. */
export interface PoolWatch {
  /** The wall-clock limit of the file at `moduleId` (absolute), in milliseconds. */
  limitMs(moduleId: string): number;
  /** A worker was handed these files. */
  started(moduleIds: readonly string[]): void;
  /** These files' worker was killed past their limit, or died: it is their result. */
  failed(moduleIds: readonly string[], failure: WorkerFailure): void;
}

type Listener = (...args: unknown[]) => void;

/**
 * vitest's `threads` or `forks` pool, each worker watched (vitest's custom pool API: the
 * same workers, wrapped). vitest has no per-file time limit, and its per-test timeout
 * cannot stop a test stuck in a synchronous loop; a watched worker handed a file starts a
 * timer, and past the limit it is killed, which vitest sees as a worker that exited and
 * goes on with the other files. A worker that dies by itself (out of memory, a signal) is
 * reported the same way, naming its files.
 *
 * It also shields mainline from a vitest bug: a worker thread out of memory emits `error`
 * and then `exit`, and vitest turns the second into an `error` event nobody listens to any
 * more, which throws and would kill the process. Only the first of the two goes through.
 */
export function watchedPool(
  api: Pick<VitestNodeApi, 'ForksPoolWorker'>,
  workers: { readonly kind: 'threads' | 'forks'; readonly memoryMb: number | undefined },
  watch: PoolWatch,
): PoolRunnerInitializer {
  const { kind, memoryMb } = workers;
  const name = `mainline-${kind}`;
  const create = (options: PoolOptions): PoolWorker => {
    if (kind === 'threads') return new ThreadWorker(options, memoryMb);
    const heap = memoryMb === undefined ? [] : [`--max-old-space-size=${memoryMb}`];
    return new api.ForksPoolWorker({ ...options, execArgv: [...options.execArgv, ...heap] });
  };
  return { name, createPoolWorker: (options) => new WatchedWorker(name, create(options), watch) };
}

class WatchedWorker implements PoolWorker {
  readonly reportMemory: boolean | undefined;
  readonly cacheFs: boolean | undefined;
  readonly #inner: PoolWorker;
  readonly #watch: PoolWatch;
  readonly #wrapped = new Map<Listener, Listener>();
  #files: readonly string[] = [];
  #timer: NodeJS.Timeout | undefined;
  /** Set once the worker is gone (killed by us, or died): later error/exit events are dropped. */
  #gone = false;

  constructor(
    readonly name: string,
    inner: PoolWorker,
    watch: PoolWatch,
  ) {
    this.#inner = inner;
    this.#watch = watch;
    this.reportMemory = inner.reportMemory;
    this.cacheFs = inner.cacheFs;
    if (inner.canReuse) this.canReuse = inner.canReuse.bind(inner);
  }

  canReuse?: PoolWorker['canReuse'];

  on(event: string, callback: Listener): void {
    const wrapped = this.#wrap(event, callback);
    this.#wrapped.set(callback, wrapped);
    this.#inner.on(event, wrapped);
  }

  off(event: string, callback: Listener): void {
    this.#inner.off(event, this.#wrapped.get(callback) ?? callback);
    this.#wrapped.delete(callback);
  }

  send(message: WorkerRequest): void {
    if (message.type === 'run' || message.type === 'collect') {
      this.#files = message.context.files.map((file) => file.filepath);
      const limit = this.#files.reduce((sum, file) => sum + this.#watch.limitMs(file), 0);
      clearTimeout(this.#timer);
      this.#timer = setTimeout(() => this.#kill(limit), limit);
      this.#timer.unref();
      this.#watch.started(this.#files);
    }
    this.#inner.send(message);
  }

  deserialize(data: unknown): unknown {
    return this.#inner.deserialize(data);
  }

  start(): Promise<void> {
    return this.#inner.start();
  }

  async stop(): Promise<void> {
    clearTimeout(this.#timer);
    if (this.#gone) return;
    this.#gone = true;
    await this.#inner.stop();
  }

  #wrap(event: string, callback: Listener): Listener {
    if (event === 'message') {
      return (message) => {
        if (isFileFinished(message)) this.#finished();
        callback(message);
      };
    }
    if (event === 'error' || event === 'exit') {
      return (...args) => {
        if (this.#gone) return;
        this.#gone = true;
        this.#died(event, args);
        callback(...args);
      };
    }
    return callback;
  }

  #finished(): void {
    clearTimeout(this.#timer);
    this.#files = [];
  }

  /** Past the limit: the files fail with `timeout`, and the worker is killed. */
  #kill(limitMs: number): void {
    const files = this.#files;
    if (files.length === 0 || this.#gone) return;
    this.#files = [];
    this.#watch.failed(files, {
      reason: 'timeout',
      message: `timed out: still running after ${formatLimit(limitMs)}, the file's limit; its worker was killed`,
    });
    // vitest sees the worker exit (the exit listener is still ours) and fails its task.
    this.#inner.stop().catch(() => undefined);
  }

  #died(event: string, args: readonly unknown[]): void {
    clearTimeout(this.#timer);
    const files = this.#files;
    this.#files = [];
    if (files.length === 0) return;
    this.#watch.failed(files, { reason: 'crashed', message: deathMessage(event, args) });
  }
}

function isFileFinished(message: unknown): boolean {
  if (typeof message !== 'object' || message === null) return false;
  const response = message as { __vitest_worker_response__?: unknown; type?: unknown };
  return response.__vitest_worker_response__ === true && response.type === 'testfileFinished';
}

/** What killed a worker, from its `error` or `exit` event (a thread's exit code, a process's code and signal). */
function deathMessage(event: string, args: readonly unknown[]): string {
  const [first, second] = args;
  if (event === 'error') {
    const code = first instanceof Error && 'code' in first ? first.code : undefined;
    if (code === 'ERR_WORKER_OUT_OF_MEMORY') return 'crashed: its worker ran out of memory';
    const reason = first instanceof Error ? first.message : String(first);
    return `crashed: its worker failed (${reason})`;
  }
  if (typeof second === 'string') {
    const hint = second === 'SIGABRT' ? ' (a fatal error, such as running out of memory)' : '';
    return `crashed: its worker process was killed by ${second}${hint}`;
  }
  return `crashed: its worker exited with code ${String(first)} before the file finished`;
}

function formatLimit(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${ms / 1000} s`;
}
