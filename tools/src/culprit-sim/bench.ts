import type { SimSetting } from './history.ts';
import { runSetting } from './run-setting.ts';
import { simSettings } from './settings.ts';
import { type SettingSummary, summarise } from './summary.ts';

export interface CulpritBenchOptions {
  /** Histories per setting. */
  readonly histories: number;
  readonly seed: number;
  /** Only the settings whose name contains this. */
  readonly only?: string;
}

/** Every setting, both searches, summarised; `missed` lists the targets each row missed. */
export async function runCulpritBench(options: CulpritBenchOptions): Promise<SettingSummary[]> {
  const rows: SettingSummary[] = [];
  const settings: SimSetting[] = simSettings();
  for (const [index, setting] of settings.entries()) {
    if (options.only !== undefined && !setting.name.includes(options.only)) continue;
    const results = await runSetting(setting, index, options.histories, options.seed);
    rows.push(summarise(setting, results));
  }
  return rows;
}
