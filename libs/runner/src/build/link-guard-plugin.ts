import { relative, sep } from 'node:path';
import type { PartialMessage, Plugin } from 'esbuild';
import type { LinkProblem } from './link-rule.ts';

/** Says whether esbuild may read a file (repo-relative path; `../` when outside). */
export type ReadCheck = (path: string) => LinkProblem | undefined;

/**
 * Stops esbuild before it reads a file the link rule refuses (see linkProblem): the
 * build fails with the rule's message, at the import that led there (on the entry when
 * it is the file itself), and not a byte of it is read. esbuild must keep the paths it
 * resolves as written (`preserveSymlinks`), or the links would be gone by then.
 */
export function linkGuardPlugin(root: string, check: ReadCheck): Plugin {
  return {
    name: 'mainline-link-guard',
    setup(build) {
      build.onLoad({ filter: /.*/, namespace: 'file' }, (args) => {
        const problem = check(repoRelative(root, args.path));
        return problem === undefined ? undefined : { errors: [refusal(problem)] };
      });
    },
  };
}

/** A refused read as an esbuild error: message, and the fix as a note (the hint). */
export function refusal(problem: LinkProblem): PartialMessage {
  return { text: problem.message, notes: [{ text: problem.hint }] };
}

export function repoRelative(root: string, path: string): string {
  return relative(root, path).split(sep).join('/');
}
