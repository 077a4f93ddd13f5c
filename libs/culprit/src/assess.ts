import { MainlineError } from '@mainline/core';
import { type Bisection, bisectionOf } from './bisection-guard.ts';
import { collectEvidence, type TestEvidence } from './evidence.ts';
import { flakeRate, mixedResults } from './flake-rate.ts';
import { type Posterior, posterior } from './posterior.ts';
import { flakePriors, suspectWeights } from './prior.ts';
import { resolveSearchSettings, type SearchSettings } from './settings.ts';
import type { FlakyEvidence, SearchInput } from './types.ts';

/** Where one failing test stands. */
export interface TestState {
  readonly test: string;
  readonly evidence: TestEvidence;
  /** The flake rate the model uses (see flake-rate.ts). */
  readonly rate: number;
  readonly quarantined: boolean;
  /** Absent for a quarantined test. */
  readonly posterior?: Posterior;
  /** The leading hypothesis: a suspect index, or `flake`. */
  readonly best?: number | 'flake';
  readonly bestProbability: number;
  /** The leading hypothesis reached τ. */
  readonly settled: boolean;
  /** For a test with no known flakiness whose runs agree with one break point. */
  readonly bisection?: Bisection;
}

export interface SearchState {
  readonly settings: SearchSettings;
  readonly suspects: number;
  readonly tests: readonly TestState[];
  readonly searchRuns: number;
  readonly flaky: readonly FlakyEvidence[];
}

/** The whole search state, rebuilt from the input alone (nothing is remembered between calls). */
export function assessSearch(input: SearchInput): SearchState {
  const settings = resolveSearchSettings(input.settings);
  checkInput(input);
  const n = input.suspects.length;
  const evidence = collectEvidence(input.failingTests, input.runs);
  const rated = [...evidence.values()].map((testEvidence) => {
    const mixed = mixedResults(testEvidence);
    return {
      evidence: testEvidence,
      mixed,
      ...flakeRate(input.flakeRates.get(testEvidence.test), mixed, settings),
    };
  });
  const weights = suspectWeights(input.suspects);
  const searched = rated.filter((test) => !test.quarantined);
  const priors = flakePriors(searched.map((test) => test.rate));
  const priorOf = new Map(
    searched.map((test, index) => [test.evidence.test, priors[index] ?? 0.5]),
  );
  const tests = rated.map(({ evidence: testEvidence, rate, quarantined }): TestState => {
    const base = { test: testEvidence.test, evidence: testEvidence, rate, quarantined };
    if (quarantined || n === 0) return { ...base, bestProbability: 0, settled: false };
    const post = posterior(
      {
        weights,
        flakePrior: priorOf.get(testEvidence.test) ?? 0.5,
        rate,
        epsilon: settings.epsilon,
      },
      testEvidence.observations,
    );
    let best: number | 'flake' = 'flake';
    let bestProbability = post.flake;
    for (let at = 0; at < n; at++) {
      const probability = post.suspects[at] as number;
      if (probability > bestProbability) {
        best = at;
        bestProbability = probability;
      }
    }
    const deterministic = rate <= settings.flakeFloor;
    const bisection = deterministic ? bisectionOf(testEvidence.observations, n) : undefined;
    return {
      ...base,
      posterior: post,
      best,
      bestProbability,
      settled: bestProbability >= settings.threshold,
      ...(bisection === undefined ? {} : { bisection }),
    };
  });
  return {
    settings,
    suspects: n,
    tests,
    searchRuns: input.runs.filter((run) => run.origin !== 'trunk').length,
    flaky: rated.flatMap((test) => test.mixed),
  };
}

function checkInput(input: SearchInput): void {
  const n = input.suspects.length;
  const problems: string[] = [];
  input.suspects.forEach((suspect, index) => {
    if (!(Number.isFinite(suspect.distance) && suspect.distance >= 0)) {
      problems.push(`suspect ${index} (${suspect.id}) has distance ${suspect.distance}`);
    }
  });
  input.runs.forEach((run, index) => {
    if (!(Number.isInteger(run.at) && run.at >= -1 && run.at < n)) {
      problems.push(`run ${index} is at ${run.at}, outside -1..${n - 1}`);
    }
  });
  for (const [test, rate] of input.flakeRates) {
    if (!(rate >= 0 && rate <= 1)) problems.push(`flake rate of ${test} is ${rate}`);
  }
  if (problems.length > 0) {
    throw new MainlineError(
      'internal',
      `invalid culprit search input: ${problems.slice(0, 5).join('; ')}`,
      {
        hint: 'the trunk loop builds this input from its store: the stored search is damaged',
      },
    );
  }
}
