import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { VitestRunRequest, VitestRunResult } from '@mainline/runner';
import type { Executor } from '../src/index.ts';

/**
 * An executor that builds and tests nothing for real: each compile writes one file, the
 * checker finds nothing, and each test file passes (or fails, for the targets in `red`).
 * What it was asked is counted, so a test sees what the engine ran and what it reused.
 */
export function fakeExecutor(red: ReadonlySet<string> = new Set()): Executor & {
  readonly compiled: string[];
  readonly tested: string[];
  /** What each compile and test run was given: target, then its files. */
  readonly asked: string[][];
} {
  const compiled: string[] = [];
  const tested: string[] = [];
  const asked: string[][] = [];
  return {
    compiled,
    tested,
    asked,
    async compile(request) {
      compiled.push(request.target.name);
      asked.push([`compile ${request.target.name}`, ...request.files]);
      mkdirSync(request.outDir, { recursive: true });
      writeFileSync(join(request.outDir, 'out.js'), `// ${request.target.name}\n`);
      return { ok: true, outputs: ['out.js'], diagnostics: [], mode: 'transpile', durationMs: 1 };
    },
    async typecheck() {
      return { ok: true, diagnostics: [], failedTargets: [], checker: 'fake', durationMs: 1 };
    },
    async runTestCommand(request) {
      tested.push(request.target);
      asked.push(['command', request.target, request.cwd, ...request.command]);
      const status: 'failed' | 'passed' = red.has(request.target) ? 'failed' : 'passed';
      const test = { file: request.cwd, name: 'works', status, durationMs: 1, attempts: 1 };
      return {
        target: request.target,
        status,
        durationMs: 1,
        files: [{ file: request.cwd, status, durationMs: 1, errors: [], tests: [test] }],
      };
    },
    async runTests(request: VitestRunRequest): Promise<VitestRunResult> {
      const targets = [...new Set(request.files.map((file) => file.target))];
      tested.push(...targets);
      asked.push(['test', ...request.files.map(({ target, file }) => `${target} ${file}`)]);
      return {
        status: targets.some((target) => red.has(target)) ? 'failed' : 'passed',
        durationMs: 1,
        errors: [],
        targets: targets.map((target) => {
          const failed = red.has(target);
          const files = request.files.filter((file) => file.target === target);
          return {
            target,
            status: failed ? 'failed' : 'passed',
            durationMs: 1,
            files: files.map(({ file }) => ({
              file,
              status: failed ? 'failed' : 'passed',
              durationMs: 1,
              errors: [],
              tests: [
                {
                  file,
                  name: 'works',
                  status: failed ? 'failed' : 'passed',
                  durationMs: 1,
                  attempts: 1,
                },
              ],
            })),
          };
        }),
      };
    },
  };
}
