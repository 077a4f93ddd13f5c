import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { affectedByFingerprints } from '@mainline/affected';
import { loadChange, loadSnapshot } from '@mainline/change';
import { GitRepo } from '@mainline/git';
import { createRng, generateMonorepo, lockfileKinds } from '@mainline/tools';
import { describe, expect, it } from 'vitest';
import { applyRandomChange, makeTempDir, runCli, tempRepoAt } from './index.ts';

/**
 * The fast path (diff, owners, reverse closure, semantic BUILD.json and lockfile diffs)
 * must give exactly the targets whose fingerprint changed, computed from whole
 * snapshots. Each seed is one generated repository and a random change of 1-3 edits;
 * every fifth change stays uncommitted and is compared as the working tree.
 */
export function equivalenceSuite(first: number, last: number): void {
  const count = Math.min(last, Number(process.env.EQ_REPOS ?? last)) - first + 1;
  const seeds = Array.from({ length: Math.max(0, count) }, (_, i) => first + i);
  describe('fast path equals the fingerprint definition', () => {
    it.for(seeds)('repository %i', async (seed) => {
      const dir = makeTempDir('equivalence');
      const synth = generateMonorepo({
        dir,
        targets: 3 + (seed % 10),
        filesPerTarget: 2,
        maxDeps: 2,
        seed,
        npmWorkspaces: seed % 3 === 0,
        externalPackages: seed % 2 === 0,
        // Every lockfile format, each with and without externals and workspaces.
        lockfile: lockfileKinds[Math.floor(seed / 6) % lockfileKinds.length],
      });
      const repo = tempRepoAt(dir);
      if (seed % 6 === 3) {
        // Manifests left out of srcs: they count all the same (design 2.3).
        leaveManifestsOutOfSrcs(dir);
        repo.commit('manifests out of srcs');
      }
      if (seed % 4 === 2) {
        addTestDeps(dir);
        repo.commit('test deps');
      }
      const rng = createRng(seed * 7919);
      const edits: string[] = [];
      const files = () => repo.git('ls-files', '-z').split('\0').filter(Boolean);
      for (let i = 0, n = 1 + Math.floor(rng() * 3); i < n; i++) {
        edits.push(applyRandomChange(dir, files(), rng));
      }
      const uncommitted = seed % 5 === 0;
      if (!uncommitted) repo.commit(edits.join('; '));

      const change = await loadChange({
        cwd: dir,
        env: {},
        ...(uncommitted ? { uncommitted: true } : { base: 'HEAD~1', head: 'HEAD' }),
      });
      const git = await GitRepo.open(dir);
      const headTree = uncommitted ? change.range.headTreeish : 'HEAD';
      const expected = affectedByFingerprints(
        await loadSnapshot(git, change.range.base),
        await loadSnapshot(git, headTree),
      );
      const actual = change.report.affected.map((target) => target.name);
      expect(actual, `${synth.targets.length} targets; ${edits.join('; ')}`).toEqual(expected);
      if (!uncommitted && seed % 4 === 1) {
        // The CLI as a process too: there the front door asks git while Node starts.
        const cli = await runCli(['affected', '--base', 'HEAD~1', '--head', 'HEAD', '--json'], {
          cwd: dir,
        });
        expect(cli.code, cli.stderr).toBe(0);
        const report = JSON.parse(cli.stdout) as { affected: { name: string }[] };
        expect(report.affected.map((target) => target.name)).toEqual(expected);
      }
    });
  });
}

/** The first target's tests use the last (often a dependent of it), the second's the first. */
function addTestDeps(dir: string): void {
  const path = join(dir, 'BUILD.json');
  const json = JSON.parse(readFileSync(path, 'utf8')) as {
    targets: Record<string, { testDeps?: string[] }>;
  };
  const names = Object.keys(json.targets);
  const [first, second] = names;
  const last = names[names.length - 1];
  if (first === undefined || second === undefined || last === undefined) return;
  (json.targets[first] as { testDeps?: string[] }).testDeps = [last];
  (json.targets[second] as { testDeps?: string[] }).testDeps = [first];
  writeFileSync(path, `${JSON.stringify(json, null, 2)}\n`);
}

function leaveManifestsOutOfSrcs(dir: string): void {
  const path = join(dir, 'BUILD.json');
  const json = JSON.parse(readFileSync(path, 'utf8')) as {
    targets: Record<string, { srcs: string[] }>;
  };
  for (const target of Object.values(json.targets)) {
    target.srcs = target.srcs.filter((glob) => !glob.endsWith('/package.json'));
  }
  writeFileSync(path, `${JSON.stringify(json, null, 2)}\n`);
}
