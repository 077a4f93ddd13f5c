import { availableParallelism } from 'node:os';
import { cleanGitEnv, GitRepo } from '@mainline/git';
import { formatSummary, progressReporter } from '@mainline/report';
import type { Io } from '../io.ts';
import { styleFor } from '../output/style.ts';
import { checkRef, type RefOutcome } from '../prepush/check-ref.ts';
import { parsePushLines } from '../prepush/push-lines.ts';

/**
 * `mainline prepush REMOTE URL`, run by the pre-push hook: builds and tests what each
 * pushed ref affects and exits 1 to block the push when something is red. It reads all
 * of stdin first, never prompts and never needs a terminal.
 */
export async function prepushCommand(remote: string | undefined, io: Io): Promise<number> {
  const refs = parsePushLines(await io.readStdin());
  // git runs hooks with GIT_DIR and friends set: tests that make repositories of their own
  // (in workers that inherit this process's environment) must not reach the outer one.
  const clean = cleanGitEnv(process.env);
  for (const key of Object.keys(process.env)) if (!(key in clean)) delete process.env[key];
  const repo = await GitRepo.open(io.cwd, { env: io.env, readConfig: true });
  const trunkName = io.env.MAINLINE_TRUNK || (await repo.configGet('mainline.trunk')) || 'main';
  const remoteName = remote && !remote.includes('/') ? remote : 'origin';
  const [trunkTip] = await repo.resolveCommits([`refs/remotes/${remoteName}/${trunkName}`]);
  const controller = new AbortController();
  const stopListening = io.onInterrupt(() => controller.abort());
  const style = styleFor(io);
  const red: string[] = [];
  try {
    for (const ref of refs) {
      const outcome = await checkRef(ref, {
        repo,
        env: io.env,
        trunkTip,
        trunkName,
        concurrency: availableParallelism(),
        signal: controller.signal,
        emit: progressReporter(io.stderr, style),
      });
      io.stderr(`mainline prepush: ${describe(ref.localRef, outcome)}\n`);
      if (outcome.kind === 'ran') io.stderr(formatSummary(outcome.summary, style));
      if (isRed(outcome)) red.push(ref.localRef);
    }
  } finally {
    stopListening();
  }
  if (red.length === 0) return 0;
  io.stderr(
    `mainline prepush: push blocked, ${red.join(', ')} ${red.length === 1 ? 'is' : 'are'} red (see above).\n  bypass on purpose: git push --no-verify\n`,
  );
  return 1;
}

function describe(localRef: string, outcome: RefOutcome): string {
  switch (outcome.kind) {
    case 'deleted':
      return `${localRef}: deleted, nothing to test`;
    case 'nothing-affected':
      return `${outcome.tested}: no target affected`;
    case 'cached':
      return `${outcome.tested}: ${outcome.targets.length} affected target(s) already green (cached)`;
    case 'conflict':
      return `${outcome.tested}: does not merge cleanly onto the remote trunk: ${outcome.paths.join(', ')}`;
    case 'ran':
      return `${outcome.tested}: ${outcome.summary.status}`;
  }
}

function isRed(outcome: RefOutcome): boolean {
  return (
    outcome.kind === 'conflict' || (outcome.kind === 'ran' && outcome.summary.status !== 'passed')
  );
}
