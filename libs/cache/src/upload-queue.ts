/**
 * Uploads in the background: at most `concurrency` at once and `capacity` waiting (more
 * are dropped and counted: a cache upload is worth less than the build's memory). `drain`
 * waits a bounded time, then drops what is left, so a slow remote never holds a run up.
 */
export class UploadQueue {
  readonly #waiting: (() => Promise<void>)[] = [];
  #running = 0;
  #dropped = 0;
  #closed = false;
  readonly #idle: (() => void)[] = [];

  constructor(
    private readonly concurrency = 4,
    private readonly capacity = 1000,
  ) {}

  /** Queues a job; its failure is the job's to handle (it never rejects here). */
  push(job: () => Promise<void>): void {
    if (this.#closed || this.#waiting.length >= this.capacity) {
      this.#dropped++;
      return;
    }
    this.#waiting.push(job);
    this.#pump();
  }

  /** Waits until every job is done or `maxMs` passed; returns how many were dropped in all. */
  async drain(maxMs: number): Promise<number> {
    if (this.#running > 0 || this.#waiting.length > 0) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        new Promise<void>((resolve) => this.#idle.push(resolve)),
        new Promise<void>((resolve) => {
          timer = setTimeout(resolve, maxMs);
        }),
      ]);
      clearTimeout(timer);
    }
    this.#closed = true;
    this.#dropped += this.#waiting.length + this.#running;
    this.#waiting.length = 0;
    return this.#dropped;
  }

  #pump(): void {
    while (this.#running < this.concurrency) {
      const job = this.#waiting.shift();
      if (job === undefined) break;
      this.#running++;
      void job()
        .catch(() => {})
        .finally(() => {
          this.#running--;
          this.#pump();
          if (this.#running === 0 && this.#waiting.length === 0) {
            for (const resolve of this.#idle.splice(0)) resolve();
          }
        });
    }
  }
}
