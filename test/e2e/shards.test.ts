import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openStore } from '@mainline/store';
import { describe, expect, it } from 'vitest';
import { createWorkspaceRepo, makeTempDir, runCli } from '../src/index.ts';

interface Plan {
  readonly version: number;
  readonly plan: string;
  readonly shards: readonly { index: number; targets: string[]; expectedSeconds: number }[];
}

/** A CI matrix by hand: a plan, each shard on a runner of its own, the shards merged. */
describe('mainline plan, test --shard and results merge', () => {
  it('runs every target in exactly one shard, and merges them into one run and one JUnit report', async () => {
    const repo = createWorkspaceRepo();
    const planned = await runCli(['plan', '--shards', '2', '--format', 'json'], { cwd: repo.dir });
    expect(planned.code).toBe(0);
    const plan = JSON.parse(planned.stdout) as Plan;
    expect(plan.shards.map((shard) => shard.index)).toEqual([1, 2]);
    const planFile = join(makeTempDir('plan'), 'plan.json');
    writeFileSync(planFile, planned.stdout);

    // Each runner has its own state folder (no shared store, no shared build outputs).
    // Shard 1 reads the plan file; shard 2 recomputes it by counts, as the plan job did
    // without history: the same plan, which the merge checks.
    const results = [makeTempDir('shard-1'), makeTempDir('shard-2')];
    const shard = (index: number, extra: string[]) =>
      runCli(['test', '--shard', `${index}/2`, ...extra, '--results', results[index - 1] ?? ''], {
        cwd: repo.dir,
        env: { MAINLINE_HOME: makeTempDir(`runner-${index}`) },
        timeoutMs: 120_000,
      });
    const runs = await Promise.all([shard(1, ['--plan', planFile]), shard(2, [])]);
    expect(runs.map((run) => [run.code, run.stderr.includes('mainline: ')])).toEqual([
      [0, false],
      [0, false],
    ]);

    const merged = await runCli(
      ['results', 'merge', ...results, '--junit', 'merged.xml', '--json'],
      { cwd: repo.dir },
    );
    expect(merged.stderr).toBe('');
    expect(merged.code).toBe(0);
    const run = JSON.parse(merged.stdout) as { runId: number; tests: { target: string }[] };
    // The union of the shards is what `test --all` selects (BUILD.json's targets), once each.
    const everyTarget = Object.keys(
      (JSON.parse(readFileSync(join(repo.dir, 'BUILD.json'), 'utf8')) as { targets: object })
        .targets,
    ).sort();
    expect(run.tests.map((test) => test.target).sort()).toEqual(everyTarget);
    expect(plan.shards.flatMap((shard) => shard.targets).sort()).toEqual(everyTarget);
    const junit = readFileSync(join(repo.dir, 'merged.xml'), 'utf8');
    expect(junit).toContain('<testcase classname="libs/a/test/a.test.ts" name="adds"');
    expect(junit).toContain('<testcase classname="libs/b/test/b.test.ts" name="is three"');
    expect(junit).toContain('name="properties/app"');

    const store = openStore({ stateDir: join(repo.dir, '.mainline') });
    try {
      const [recorded] = store.listRuns({ kind: 'merge' });
      expect(recorded).toMatchObject({ id: run.runId, status: 'passed' });
      const tested = store.testResults(run.runId).map((test) => test.name);
      expect(tested.sort()).toEqual(['adds', 'is three']);
    } finally {
      store.close();
    }

    // Only one shard's results: the other's targets went untested, so the merge is red.
    const partial = await runCli(['results', 'merge', results[0] ?? ''], { cwd: repo.dir });
    expect(partial.code).toBe(1);
    expect(partial.stderr).toContain('mainline: no results for shard 2 of 2');
  });

  it('says what is wrong with a bad shard count, format, ref, shard, plan or results folder', async () => {
    const repo = createWorkspaceRepo();
    const cases: [string[], string][] = [
      [['plan', '--shards', '0'], "--shards must be a whole number of at least 1, not '0'"],
      [['plan', '--shards', '2', '--format', 'xml'], "argument 'xml' is invalid"],
      [['plan', '--shards', '2', '--affected', '--base', 'nope'], "unknown git revision 'nope'"],
      [['test', '--shard', '3/2'], "--shard must be I/N with 1 <= I <= N, not '3/2'"],
      [['test', '--shard', '1/2', '--plan', 'missing.json'], 'cannot read the shard plan'],
      [['results', 'merge', 'nowhere'], `cannot read the results ${join(repo.dir, 'nowhere')}`],
    ];
    for (const [args, message] of cases) {
      const result = await runCli(args, { cwd: repo.dir });
      expect([result.code, result.stderr]).toEqual([2, expect.stringContaining(message)]);
      expect(result.stderr).toContain('hint: ');
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
  });
});
