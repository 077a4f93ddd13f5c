import { probeArguments, type RangeProbe } from './range-probe.ts';

/**
 * The git commands of the `affected` start-up path, defined here once. libs/git runs them;
 * the shell front door (properties/cli/bin/mainline) asks the same ones while Node starts,
 * and the snapshot's rehearsal answers them for a made-up repository: both are tested
 * against these definitions, since an answer is used only for exactly the same command.
 */
export const startupCommands = {
  /** A config value (the front door asks for `mainline.trunk`, the trunk's configured name). */
  configGet: (key: string): string[] => ['config', '--get', key],
  /** Finds the work tree and the index, and with a probe resolves the range (see RangeProbe). */
  open: (probe?: RangeProbe): string[] => [...openOwn, ...((probe && probeArguments(probe)) ?? [])],
  /** The change between two commits, renames detected. */
  diff: (base: string, head: string): string[] => [...diffOwn, '--end-of-options', base, head],
} as const;

const openOwn = ['rev-parse', '--show-toplevel', '--git-path', 'index'];

/** Diffs read as git's plain output: no external diff, no textconv filter, no colour. */
export const plainDiff = ['--no-ext-diff', '--no-textconv', '--no-color'];

const diffOwn = ['diff-tree', '-r', '-z', '--name-status', '-M', ...plainDiff];
