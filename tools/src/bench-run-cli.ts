// `npm run bench:run [-- --targets 200 --large-targets 1000 --runs 5 --json]`: times
// `mainline test --all` cold, fully cached and after a one-file change, beside `turbo run test`.
import { isMainlineError } from '@mainline/core';
import { runRunBench } from './bench/run-bench.ts';
import { parseRunBenchArgs } from './bench/run-options.ts';
import { formatRunMarkdown } from './bench/run-report.ts';

try {
  const options = parseRunBenchArgs(process.argv.slice(2));
  const report = runRunBench(options, (line) => process.stderr.write(`${line}\n`));
  process.stdout.write(
    options.json
      ? `${JSON.stringify(report, (key, value: unknown) => (key === 'lastStdout' ? undefined : value), 2)}\n`
      : formatRunMarkdown(report),
  );
} catch (error) {
  if (isMainlineError(error)) {
    process.stderr.write(
      `bench-run: ${error.message}\n${error.hint ? `  hint: ${error.hint}\n` : ''}`,
    );
    process.exit(2);
  }
  if (
    error instanceof TypeError &&
    'code' in error &&
    String(error.code).startsWith('ERR_PARSE_ARGS')
  ) {
    process.stderr.write(`bench-run: ${error.message}\n`);
    process.exit(2);
  }
  throw error;
}
