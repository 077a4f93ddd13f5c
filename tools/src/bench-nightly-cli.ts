// `npm run bench:nightly [-- --targets 200 --large-targets 1000 --runs 5 --json]`: a full
// `mainline nightly` beside `turbo run build test` of every package, then at 1,000 targets.
import { benchJson, benchMain, logLine } from './bench/bench-main.ts';
import { parseNightlyBenchArgs, runNightlyBench } from './bench/nightly-bench.ts';
import { formatNightlyMarkdown } from './bench/nightly-bench-report.ts';

benchMain('bench-nightly', () => {
  const options = parseNightlyBenchArgs(process.argv.slice(2));
  const report = runNightlyBench(options, logLine);
  return options.json ? benchJson(report) : formatNightlyMarkdown(report);
});
