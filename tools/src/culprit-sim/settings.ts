import type { SimSetting } from './history.ts';

const wide = { min: 4, max: 200 };
const sizes = [
  { min: 4, max: 16 },
  { min: 17, max: 64 },
  { min: 65, max: 200 },
];
const what = { culprit: 'one culprit', two: 'two culprits', flake: 'no culprit' } as const;

function row(
  rate: number,
  rateKnown: boolean,
  scenario: SimSetting['scenario'],
  size: { min: number; max: number },
): SimSetting {
  const kind = rate === 0 ? 'deterministic' : `${Math.round(rate * 100)}% flaky`;
  const name = `${kind}${rateKnown ? '' : ', rate unknown'}, ${what[scenario]}`;
  return { name, rate, rateKnown, scenario, minSuspects: size.min, maxSuspects: size.max };
}

/**
 * The benchmark's rows: deterministic, 5%- and 20%-flaky tests whose rates the search
 * knows, each with one culprit in three range sizes, two culprits, and (when flaky) a
 * range where nothing broke; then tests with no history (new tests), deterministic or
 * 20%-flaky.
 */
export function simSettings(): SimSetting[] {
  const rows: SimSetting[] = [];
  for (const rate of [0, 0.05, 0.2]) {
    for (const size of sizes) rows.push(row(rate, true, 'culprit', size));
    rows.push(row(rate, true, 'two', wide));
    if (rate > 0) rows.push(row(rate, true, 'flake', wide));
  }
  rows.push(
    row(0, false, 'culprit', wide),
    row(0.2, false, 'culprit', wide),
    row(0.2, false, 'flake', wide),
  );
  return rows;
}
