import { findCulprits, type Verdict } from '@mainline/culprit';
import { deriveSeed } from '../synth/rng.ts';
import {
  generateHistory,
  type SimHistory,
  type SimSetting,
  simulatedRunner,
  trunkRuns,
} from './history.ts';
import { plainBisection } from './plain-bisection.ts';
import { type HistoryScore, scoreVerdicts } from './score.ts';

export interface HistoryResult {
  readonly suspects: number;
  readonly aware: HistoryScore;
  readonly bisection: HistoryScore;
}

// Independent random streams per history, so both searches meet the same history and
// neither's runs shift the other's draws.
const streams = { aware: 1, awareTip: 2, bisection: 3, bisectionTip: 4 } as const;

/** Both searches on `count` histories of a setting, seeded by (seed, setting index, history). */
export async function runSetting(
  setting: SimSetting,
  settingIndex: number,
  count: number,
  seed: number,
): Promise<HistoryResult[]> {
  const results: HistoryResult[] = [];
  for (let index = 0; index < count; index++) {
    const history = generateHistory(setting, deriveSeed(deriveSeed(seed, settingIndex), index));
    results.push({
      suspects: history.suspects.length,
      aware: await flakeAware(history, setting),
      bisection: bisection(history),
    });
  }
  return results;
}

async function flakeAware(history: SimHistory, setting: SimSetting): Promise<HistoryScore> {
  const run = simulatedRunner(history, streams.aware);
  const names = history.tests.map((test) => test.name);
  const result = await findCulprits(
    {
      suspects: history.suspects,
      failingTests: names,
      flakeRates: new Map(setting.rateKnown ? names.map((name) => [name, history.rate]) : []),
      runs: trunkRuns(history),
    },
    async (at, tests) => run(at, tests),
  );
  return score(history, result.verdicts, result.searchRuns, streams.awareTip);
}

function bisection(history: SimHistory): HistoryScore {
  const run = simulatedRunner(history, streams.bisection);
  const names = history.tests.map((test) => test.name);
  const { verdict, runs } = plainBisection(history.suspects.length, names, (at) => run(at, names));
  return score(history, [verdict], runs, streams.bisectionTip);
}

function score(
  history: SimHistory,
  verdicts: readonly Verdict[],
  runs: number,
  stream: number,
): HistoryScore {
  const run = simulatedRunner(history, stream);
  const tip = history.suspects.length;
  return scoreVerdicts(history, verdicts, runs, (tests, reverted) => run(tip, tests, reverted));
}
