import type { RunEvent } from '@mainline/core';
import { formatDuration } from './durations.ts';
import { progressReporter } from './progress-reporter.ts';
import type { TextStyle } from './text-style.ts';

export interface LiveProgress {
  readonly onEvent: (event: RunEvent) => void;
  /** Redraws the status line (elapsed time moves on); call it on a timer. */
  readonly tick: () => void;
  /** Clears the status line for good. */
  readonly stop: () => void;
}

const clearLine = '\r\x1b[2K';

/**
 * For a terminal: the same finished lines as progressReporter, with one status line
 * under them that is redrawn in place: what is done, running and failed, and the time.
 */
export function liveProgress(
  write: (text: string) => void,
  style: TextStyle,
  now: () => number = () => performance.now(),
): LiveProgress {
  const started = now();
  const running = new Set<string>();
  // Until the plan is known (BUILD.json read, the change found) there is nothing to count.
  let phase = 'preparing';
  let total = 0;
  let done = 0;
  let failed = 0;
  let stopped = false;
  let status = '';
  const lines = progressReporter((text) => write(`${clearLine}${text}`), style);
  const draw = (): void => {
    if (stopped) return;
    const parts = [phase === 'preparing' ? phase : `${phase} ${done}/${total} done`];
    if (running.size > 0) {
      const names = [...running].slice(0, 3).join(', ');
      parts.push(`running ${names}${running.size > 3 ? ` +${running.size - 3}` : ''}`);
    }
    if (failed > 0) parts.push(style.red(`${failed} failed`));
    parts.push(formatDuration(now() - started));
    status = `${style.dim('…')} ${parts.join(style.dim(' · '))}`;
    write(`${clearLine}${status}`);
  };
  return {
    onEvent(event) {
      lines(event);
      switch (event.type) {
        case 'run-started':
          phase = 'build';
          total = event.builds.length;
          break;
        case 'build-started':
          running.add(event.target);
          break;
        case 'build-finished':
          running.delete(event.result.target);
          done++;
          if (event.result.status === 'failed') failed++;
          break;
        case 'tests-started':
          phase = 'test';
          total = event.targets.length;
          done = 0;
          for (const target of event.targets) running.add(target);
          break;
        case 'test-finished':
          if (running.delete(event.result.target)) done++;
          if (event.result.status === 'failed') failed++;
          break;
        case 'run-finished':
          running.clear();
          break;
      }
      draw();
    },
    tick: draw,
    stop() {
      if (status !== '') write(clearLine);
      stopped = true;
    },
  };
}
