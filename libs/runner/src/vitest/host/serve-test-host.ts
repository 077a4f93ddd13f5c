import { isMainlineError } from '@mainline/core';
import { loadVitest } from '../load-vitest.ts';
import { runVitest } from '../run-vitest.ts';
import type { FromHost, ToHost } from './host-messages.ts';

/**
 * The test host's main: a process of its own that runs one vitest run for mainline (see
 * runVitestInHost), so that nothing a test does to its process (kill it, abort it, exhaust
 * its memory) can end mainline. It takes one `run` message, streams the run's events back
 * and ends with its result. Ctrl-C reaches the whole process group: the host ignores it
 * and waits for mainline's `abort`; if mainline goes away, the run is aborted. Resolves
 * once the run's end is sent: the entry then exits, so that workers vitest leaves behind
 * do not keep the process.
 */
export function serveTestHost(): Promise<void> {
  const controller = new AbortController();
  let served: () => void = () => undefined;
  const done = new Promise<void>((resolve) => {
    served = resolve;
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => undefined);
  let running = false;
  // Gone before asking anything (a host started ahead, not needed): nothing to do.
  process.on('disconnect', () => (running ? controller.abort() : served()));
  // vitest loads while the caller still builds (see TestHostPool); runVitest finds it loaded.
  loadVitest().catch(() => undefined);
  const send = (message: FromHost, then?: () => void): void => {
    if (process.connected) process.send?.(message, undefined, undefined, then);
    else then?.();
  };
  const end = (message: FromHost): void => send(message, served);
  process.on('message', (message: ToHost) => {
    if (message.type === 'abort') {
      controller.abort();
      return;
    }
    running = true;
    runVitest({
      ...message.request,
      signal: controller.signal,
      onEvent: (event) => send({ type: 'event', event }),
    }).then(
      (result) => end({ type: 'result', result }),
      (error: unknown) =>
        end(
          isMainlineError(error)
            ? { type: 'error', code: error.code, message: error.message, hint: error.hint }
            : { type: 'error', code: 'testRunFailed', message: String(error) },
        ),
    );
  });
  return done;
}
