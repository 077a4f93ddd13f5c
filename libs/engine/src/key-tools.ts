import type { CheckerCommand } from '@mainline/runner';
import { chooseChecker } from './choose-checker.ts';
import { toolVersions } from './tool-versions.ts';

/** The tools and checker whose versions are part of every key. */
export function keyTools(
  root: string,
  typecheck: boolean,
): { tools: Record<string, string>; checker: CheckerCommand | undefined } {
  const checker = typecheck ? chooseChecker(root) : undefined;
  const tools = { ...toolVersions(), ...(checker ? { checker: checker.label } : {}) };
  return { tools, checker };
}
