// `npm run bench:affected [-- --sizes 1000,10000 --runs 5 --compare --json]`: times
// `mainline affected` on generated repos, optionally against turbo and nx.
import { isMainlineError } from '@mainline/core';
import { runAffectedBench } from './bench/affected.ts';
import { parseBenchArgs } from './bench/options.ts';
import { formatMarkdown } from './bench/report.ts';

try {
  const options = parseBenchArgs(process.argv.slice(2));
  const report = runAffectedBench(options, (line) => process.stderr.write(`${line}\n`));
  process.stdout.write(
    options.json ? `${JSON.stringify(report, null, 2)}\n` : formatMarkdown(report),
  );
} catch (error) {
  if (isMainlineError(error)) {
    process.stderr.write(
      `bench-affected: ${error.message}\n${error.hint ? `  hint: ${error.hint}\n` : ''}`,
    );
    process.exit(2);
  }
  if (
    error instanceof TypeError &&
    'code' in error &&
    String(error.code).startsWith('ERR_PARSE_ARGS')
  ) {
    process.stderr.write(`bench-affected: ${error.message}\n`);
    process.exit(2);
  }
  throw error;
}
