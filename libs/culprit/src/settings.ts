import { MainlineError } from '@mainline/core';

export interface SearchSettings {
  /** τ: the posterior probability that names a culprit (or a flake). */
  readonly threshold: number;
  /** The lowest flake rate assumed: a test whose history shows no flakes gets it. */
  readonly flakeFloor: number;
  /** A test flakier than this is not searched: it is a quarantine candidate. */
  readonly flakeCap: number;
  /** The flake rate assumed for a test with no history (see flake-rate.ts). */
  readonly unknownFlakeRate: number;
  /** ε: the chance that a broken test passes anyway. */
  readonly epsilon: number;
  /**
   * Confirmation: the culprit's failures in `confirm` runs must be this unlikely as
   * flakes (the product of the tests' flake rates over them); 1 - τ by default.
   */
  readonly confirmation: number;
  /** Runs the search may make (not counting the trunk's); then it is inconclusive. */
  readonly maxRuns: number;
}

export const defaultSearchSettings: SearchSettings = {
  threshold: 0.99,
  flakeFloor: 0.01,
  flakeCap: 0.5,
  unknownFlakeRate: 0.2,
  epsilon: 1e-4,
  confirmation: 0.01,
  maxRuns: 40,
};

/** The defaults under the given settings, each checked against its range. */
export function resolveSearchSettings(given: Partial<SearchSettings> = {}): SearchSettings {
  const settings = { ...defaultSearchSettings, ...given };
  const open = (value: number, low: number, high: number) => value > low && value < high;
  const problems = [
    open(settings.threshold, 0.5, 1) ? '' : 'threshold must be in (0.5, 1)',
    open(settings.flakeFloor, 0, settings.flakeCap) ? '' : 'flakeFloor must be in (0, flakeCap)',
    open(settings.flakeCap, settings.flakeFloor, 1) ? '' : 'flakeCap must be in (flakeFloor, 1)',
    open(settings.unknownFlakeRate, 0, 1) ? '' : 'unknownFlakeRate must be in (0, 1)',
    open(settings.epsilon, 0, 0.5) ? '' : 'epsilon must be in (0, 0.5)',
    open(settings.confirmation, 0, 1) ? '' : 'confirmation must be in (0, 1)',
    Number.isInteger(settings.maxRuns) && settings.maxRuns >= 1
      ? ''
      : 'maxRuns must be a whole number >= 1',
  ].filter((problem) => problem !== '');
  if (problems.length > 0) {
    throw new MainlineError('internal', `invalid culprit search settings: ${problems.join('; ')}`, {
      hint: 'the trunk settings (mainline.json) are checked against their schema before a search',
    });
  }
  return settings;
}
