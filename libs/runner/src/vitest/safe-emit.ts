import type { VitestRunEvent } from './test-results.ts';

/** A listener that throws must not break vitest's reporting (and lose results). */
export function safeEmit(
  onEvent: ((event: VitestRunEvent) => void) | undefined,
): (event: VitestRunEvent) => void {
  if (!onEvent) return () => undefined;
  return (event) => {
    try {
      onEvent(event);
    } catch {
      // The caller's problem; the run goes on.
    }
  };
}
