import { explain } from '@mainline/affected';
import { MainlineError } from '@mainline/core';
import type { Io } from '../io.ts';
import { describeReason } from '../output/describe-reason.ts';
import { printWarnings } from '../output/diagnostics.ts';
import { styleFor } from '../output/style.ts';
import { loadChange } from '@mainline/change';
import type { RangeRequest } from '@mainline/change';
import { unknownTarget } from '@mainline/core';
import { targetOfPackage } from './target-of-package.ts';

export interface WhyOptions extends RangeRequest {
  readonly json?: boolean;
}

/** `mainline why TARGET`: the chain from changed files to the target, or why it is not affected. */
export async function whyCommand(asked: string, options: WhyOptions, io: Io): Promise<number> {
  const change = await loadChange({ ...options, cwd: io.cwd, env: io.env, answers: io.gitAnswers });
  // A target's name, else the npm name of the package in a target's folder (`@scope/ui`).
  const target = change.graph.has(asked)
    ? asked
    : ((await targetOfPackage(
        change.repo,
        change.range.headTreeish,
        asked,
        change.graph.names(),
      )) ?? asked);
  if (!change.graph.has(target)) {
    const error = unknownTarget(target, change.graph.names());
    if (options.uncommitted) throw error;
    // The commonest cause: a target added in the working tree, not committed yet.
    throw new MainlineError(error.code, `${error.message} at ${change.report.head.slice(0, 10)}`, {
      hint: `${error.hint} A target only in your working tree needs --uncommitted.`,
    });
  }
  const answer = explain(target, change.report.affected, change.graph);
  printWarnings(io, change.warnings);
  if (options.json) {
    io.stdout(`${JSON.stringify(answer, null, 2)}\n`);
    return 0;
  }
  const style = styleFor(io);
  if (!answer.affected) {
    io.stdout(`${style.bold(target)} is not affected: none of its files changed`);
    io.stdout(
      answer.transitiveDeps === 0
        ? ' and it has no deps.\n'
        : `, and none of its ${answer.transitiveDeps} transitive deps changed in a way that reaches it.\n`,
    );
    for (const dep of answer.testOnlyDeps) {
      io.stdout(`  ${dep} is affected only through its tests, which do not reach dependents.\n`);
    }
    return 0;
  }
  io.stdout(`${style.bold(target)} is affected:\n`);
  const [first, ...rest] = answer.chain;
  for (const reason of answer.origin) io.stdout(`  ${describeReason(reason)}\n`);
  io.stdout(`  ${style.dim('->')} ${first}\n`);
  rest.forEach((name, i) => {
    const testsOnly = answer.throughTestDep && i === rest.length - 1;
    const link = testsOnly ? '(its tests depend on the line above)' : '(depends on the line above)';
    io.stdout(`  ${style.dim('->')} ${name} ${style.dim(link)}\n`);
  });
  return 0;
}
