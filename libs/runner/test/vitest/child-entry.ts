// The runner as mainline's CLI uses it: bundled to CommonJS by esbuild, in a plain Node
// process. Reads a request (JSON) from argv, aborts on SIGINT, prints the result as one
// JSON document on stdout and `started <file>` lines on stderr.
import { runVitest, type VitestRunRequest } from '../../src/vitest/index.ts';

async function main(): Promise<void> {
  const request = JSON.parse(process.argv[2] ?? '{}') as Omit<VitestRunRequest, 'signal'>;
  const controller = new AbortController();
  process.on('SIGINT', () => controller.abort());
  const result = await runVitest({
    ...request,
    signal: controller.signal,
    onEvent: (event) => {
      if (event.type === 'file-started') process.stderr.write(`started ${event.file}\n`);
    },
  });
  process.stdout.write(`${JSON.stringify(result)}\n`);
  process.removeAllListeners('SIGINT');
}

void main();
