import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { buildFilePath } from '@mainline/affected';
import type { Diagnostic, Workspace } from '@mainline/core';
import { GitRepo } from '@mainline/git';
import { TargetGraph } from '@mainline/graph';
import {
  checkBuildFileSize,
  findDanglingPaths,
  findOverlappingSrcs,
  parseBuildFile,
} from '@mainline/workspace';
import { buildFileMissing } from './load-workspace.ts';

export interface CurrentWorkspace {
  readonly workspace: Workspace;
  readonly graph: TargetGraph;
  readonly warnings: readonly Diagnostic[];
}

/** BUILD.json as it is in the working tree now, checked against the files it names. */
export async function loadCurrentWorkspace(cwd: string): Promise<CurrentWorkspace> {
  const repo = await GitRepo.open(cwd);
  const text = readTextIfExists(join(repo.root, buildFilePath));
  if (text === undefined) throw buildFileMissing(repo.root);
  const buildFile = parseBuildFile(text, buildFilePath);
  const paths = await repo.worktreePaths();
  const warnings = [
    ...findDanglingPaths(buildFile, paths),
    ...findOverlappingSrcs(buildFile, paths),
  ];
  const graph = TargetGraph.fromTargets(buildFile.workspace.targets.values());
  return { workspace: buildFile.workspace, graph, warnings };
}

/** The file's text; its size is checked first, so a huge file is refused unread. */
function readTextIfExists(path: string): string | undefined {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    return undefined;
  }
  checkBuildFileSize(buildFilePath, size);
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
