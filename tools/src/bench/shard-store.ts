import { openStore } from '@mainline/store';
import { createRng } from '../synth/rng.ts';

/** Seconds of a target's typical build and test (what its recorded runs jitter around). */
export interface TypicalDurations {
  readonly build: number;
  readonly test: number;
}

/**
 * Log-normal durations, as CI times are: most targets build in about a second and test in
 * about three, a few take ten or fifty times that. Seeded, so the same every time.
 */
export function typicalDurations(
  targets: readonly string[],
  seed: number,
): Map<string, TypicalDurations> {
  const rng = createRng(seed);
  const normal = (): number => {
    // Box-Muller: two uniforms, one standard normal.
    const u = Math.max(rng(), Number.EPSILON);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
  };
  const logNormal = (median: number, sigma: number): number => median * Math.exp(sigma * normal());
  return new Map(
    targets.map((name) => [name, { build: logNormal(1, 0.8), test: logNormal(3, 1.2) }]),
  );
}

/**
 * A store holding `runs` passing runs of every target, each build and test within 20% of its
 * typical duration: what `mainline plan` reads as history.
 */
export function recordDurations(
  stateDir: string,
  typical: ReadonlyMap<string, TypicalDurations>,
  runs: number,
  seed: number,
): void {
  const rng = createRng(seed);
  const jitter = (seconds: number): number => Math.round(seconds * 1000 * (0.8 + 0.4 * rng()));
  const store = openStore({ stateDir });
  try {
    for (let i = 0; i < runs; i++) {
      const run = store.startRun({ kind: 'test', argv: ['test', '--all'] });
      store.recordTargetResults(
        run.id,
        [...typical].flatMap(([target, { build, test }]) => [
          { target, phase: 'build' as const, status: 'passed' as const, durationMs: jitter(build) },
          { target, phase: 'test' as const, status: 'passed' as const, durationMs: jitter(test) },
        ]),
      );
      store.finishRun(run.id, { status: 'passed' });
    }
  } finally {
    store.close();
  }
}
