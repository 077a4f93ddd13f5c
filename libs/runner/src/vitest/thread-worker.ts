import { resolve } from 'node:path';
import type { Writable } from 'node:stream';
import { Worker } from 'node:worker_threads';
import type { PoolOptions, PoolWorker, WorkerRequest } from 'vitest/node';

/**
 * vitest's `threads` worker (its `ThreadsPoolWorker`, which runs vitest's own
 * `workers/threads.js`), with one addition it lacks: a heap limit. A thread that outgrows
 * its `resourceLimits` is terminated alone (`ERR_WORKER_OUT_OF_MEMORY`); without one it
 * shares the process's heap limit, and a test hoarding memory can take the whole process.
 */
export class ThreadWorker implements PoolWorker {
  readonly name = 'threads';
  readonly #options: PoolOptions;
  readonly #memoryMb: number | undefined;
  #thread: Worker | undefined;

  constructor(options: PoolOptions, memoryMb: number | undefined) {
    this.#options = options;
    this.#memoryMb = memoryMb;
  }

  on(event: string, callback: (arg: unknown) => void): void {
    this.#worker().on(event, callback);
  }

  off(event: string, callback: (arg: unknown) => void): void {
    this.#worker().off(event, callback);
  }

  send(message: WorkerRequest): void {
    this.#worker().postMessage(message);
  }

  async start(): Promise<void> {
    if (this.#thread) return;
    const { distPath, env, execArgv, project } = this.#options;
    const thread = new Worker(resolve(distPath, 'workers/threads.js'), {
      env,
      execArgv,
      stdout: true,
      stderr: true,
      ...(this.#memoryMb === undefined
        ? {}
        : { resourceLimits: { maxOldGenerationSizeMb: this.#memoryMb } }),
    });
    this.#thread = thread;
    pipe(thread.stdout, project.vitest.logger.outputStream);
    pipe(thread.stderr, project.vitest.logger.errorStream);
  }

  async stop(): Promise<void> {
    const thread = this.#thread;
    if (!thread) return;
    await thread.terminate();
    const { outputStream, errorStream } = this.#options.project.vitest.logger;
    thread.stdout.unpipe(outputStream);
    thread.stderr.unpipe(errorStream);
    outputStream.setMaxListeners(outputStream.getMaxListeners() - 1);
    errorStream.setMaxListeners(errorStream.getMaxListeners() - 1);
    this.#thread = undefined;
  }

  deserialize(data: unknown): unknown {
    return data;
  }

  #worker(): Worker {
    if (!this.#thread) throw new Error('the worker thread was stopped or never started');
    return this.#thread;
  }
}

/** Every worker pipes into the same logger streams: each one is a listener more. */
function pipe(from: NodeJS.ReadableStream, to: NodeJS.WriteStream | Writable): void {
  to.setMaxListeners(to.getMaxListeners() + 1);
  from.pipe(to);
}
