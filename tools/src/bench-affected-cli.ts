// `npm run bench:affected [-- --sizes 1000,10000 --runs 5 --compare --json]`: times
// `mainline affected` on generated repos, optionally against turbo and nx.
import { runAffectedBench } from './bench/affected.ts';
import { benchMain, logLine } from './bench/bench-main.ts';
import { parseBenchArgs } from './bench/options.ts';
import { formatMarkdown } from './bench/report.ts';

benchMain('bench-affected', () => {
  const options = parseBenchArgs(process.argv.slice(2));
  const report = runAffectedBench(options, logLine);
  return options.json ? `${JSON.stringify(report, null, 2)}\n` : formatMarkdown(report);
});
