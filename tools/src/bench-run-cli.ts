// `npm run bench:run [-- --targets 200 --large-targets 1000 --runs 5 --json]`: times
// `mainline test --all` cold, fully cached and after a one-file change, beside `turbo run test`.
import { benchJson, benchMain, logLine } from './bench/bench-main.ts';
import { runRunBench } from './bench/run-bench.ts';
import { parseRunBenchArgs } from './bench/run-options.ts';
import { formatRunMarkdown } from './bench/run-report.ts';

benchMain('bench-run', () => {
  const options = parseRunBenchArgs(process.argv.slice(2));
  const report = runRunBench(options, logLine);
  return options.json ? benchJson(report) : formatRunMarkdown(report);
});
