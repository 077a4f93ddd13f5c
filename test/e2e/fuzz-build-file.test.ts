import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type FuzzCommand,
  fuzzArgs,
  fuzzCommands,
  generateMonorepo,
  judgeRun,
  mutateBuildFile,
} from '@mainline/tools';
import { describe, expect, it } from 'vitest';
import { configureForTests, makeTempDir, runCli, tempRepoAt } from '../src/index.ts';

/**
 * A sample of the fuzzer's mutations through the real CLI on a real repository; hundreds
 * more run in-process (properties/cli/test/fuzz-build-file.test.ts), and any number with
 * `npm run bench:fuzz`. Each mutation is committed on top of a valid BUILD.json, then
 * graph, affected (BUILD.json changed) and build run at once.
 */
describe('a fuzzed BUILD.json through the CLI', () => {
  it('gives exit 0 or 2 (build: or 1), never a stack trace, an internal error or a hang', async () => {
    const dir = makeTempDir('fuzz');
    const synth = generateMonorepo({ dir, targets: 6, seed: 3 });
    configureForTests(dir);
    const repo = tempRepoAt(dir);
    const base = repo.head();
    const text = repo.git('show', 'HEAD:BUILD.json');
    const target = synth.targets[0]?.name as string;
    const outcomes: string[] = [];
    for (let index = 0; index < 10; index++) {
      const mutation = mutateBuildFile(text, index, { seed: 7, scale: 2000 });
      writeFileSync(join(dir, 'BUILD.json'), mutation.text);
      repo.commit(`fuzz ${index}`);
      const commands = Object.keys(fuzzCommands) as FuzzCommand[];
      const runs = await Promise.all(
        commands.map(async (command) => {
          const started = performance.now();
          const result = await runCli(fuzzArgs(command, base, target), { cwd: dir });
          return judgeRun(command, { ...result, seconds: (performance.now() - started) / 1000 });
        }),
      );
      for (const verdict of runs) {
        expect([index, mutation.description, verdict.fault]).toEqual([
          index,
          mutation.description,
          undefined,
        ]);
        outcomes.push(verdict.outcome);
      }
    }
    // The sample reaches both sides: a BUILD.json refused, and one built.
    expect(outcomes).toContain('graph exit 2 buildFileInvalid');
    expect(outcomes).toContain('build exit 0');
  });
});
