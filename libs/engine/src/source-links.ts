import { statSync } from 'node:fs';
import { join } from 'node:path';
import { type Diagnostic, dependencyClosure } from '@mainline/core';
import { type LinkPolicy, linkProblem } from '@mainline/runner';
import type { LoadedRun } from './prepare-run.ts';
import { targetFiles } from './target-files.ts';

/** What the link rule says of a target's own files, before anything reads them. */
export interface SourceLinks {
  /** Sources (or the entry) it refuses: the target fails with these, unread. */
  readonly problems: readonly Diagnostic[];
  /** Sources that are links to folders inside the repository: there is nothing to read. */
  readonly folders: ReadonlySet<string>;
}

/**
 * The link rule (see linkProblem) for what a target's build reads, or with `tests` its
 * test run: a link must stay inside the repository, and it and the file it leads to must
 * be in the target's fingerprint: sources of the target or of its deps (or, with
 * `tests`, its own test files), as the snapshot lists them. A file the snapshot lists
 * that is not a link has none on its way: it is not looked at on disk.
 */
export function linkPolicy(
  run: LoadedRun,
  name: string,
  options: { readonly tests?: boolean } = {},
): LinkPolicy {
  let closure: ReadonlySet<string> | undefined;
  return {
    reader: name,
    plain: (path) => run.ownedFiles.has(path) && !run.links.has(path),
    fingerprinted: (path) => {
      closure ??= dependencyClosure(run.workspace.targets, [name]);
      const covers = closure;
      return (run.ownedFiles.get(path) ?? []).some((owner) =>
        owner.role === 'src' ? covers.has(owner.target) : options.tests && owner.target === name,
      );
    },
  };
}

const byRun = new WeakMap<LoadedRun, Map<string, SourceLinks>>();

/** The link rule over a target's sources and entry, once per run. */
export function sourceLinks(run: LoadedRun, name: string): SourceLinks {
  let known = byRun.get(run);
  if (known === undefined) {
    known = new Map();
    byRun.set(run, known);
  }
  let links = known.get(name);
  if (links === undefined) {
    links = checkSources(run, name);
    known.set(name, links);
  }
  return links;
}

/** A target's sources that are files to read (links to folders are not). */
export function readableSources(run: LoadedRun, name: string): string[] {
  const { folders } = sourceLinks(run, name);
  const sources = targetFiles(run, name).sources;
  return folders.size === 0 ? [...sources] : sources.filter((path) => !folders.has(path));
}

function checkSources(run: LoadedRun, name: string): SourceLinks {
  const paths = targetFiles(run, name).sources.filter((path) => run.links.has(path));
  const entry = run.workspace.targets.get(name)?.entry;
  if (entry !== undefined && !paths.includes(entry)) paths.push(entry);
  const policy = linkPolicy(run, name);
  const problems: Diagnostic[] = [];
  const folders = new Set<string>();
  for (const path of paths) {
    const problem = linkProblem(run.root, path, policy);
    if (problem !== undefined) {
      const { file, message, hint } = problem;
      problems.push({ severity: 'error', file, line: 1, column: 1, message, hint });
    } else if (run.links.has(path) && statSync(join(run.root, path)).isDirectory()) {
      folders.add(path);
    }
  }
  return { problems, folders };
}

/**
 * `names` without the targets whose sources the link rule refuses, nor those that depend
 * on one: the type checker must not be handed (or led by an import to) a refused file.
 * The ones left out fail on their link, or are skipped behind it.
 */
export function withoutRefusedLinks(run: LoadedRun, names: readonly string[]): string[] {
  const refused = names.filter((name) => sourceLinks(run, name).problems.length > 0);
  if (refused.length === 0) return [...names];
  const blocked = new Set(refused);
  return names.filter(
    (name) => ![...dependencyClosure(run.workspace.targets, [name])].some((t) => blocked.has(t)),
  );
}
