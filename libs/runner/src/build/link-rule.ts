import { type LinkHop, type LinkResolution, resolveLinks } from './link-resolution.ts';

/**
 * What a build's fingerprint covers, for the rule on links that stay inside the
 * repository. Without it only links leading out of the repository are refused.
 */
export interface LinkPolicy {
  /**
   * Whether a repo-relative path is a file whose content (a link: whose text) is in the
   * fingerprint of the build reading it: a source of the target or of one of its deps.
   */
  readonly fingerprinted?: (path: string) => boolean;
  /** Who reads, for the message: `libs/a` in "not in the srcs of libs/a or of its deps". */
  readonly reader?: string;
  /** Paths known to have no link on their way (the snapshot's plain files): not looked at. */
  readonly plain?: (path: string) => boolean;
}

/** A file a build must not read, and why. */
export interface LinkProblem {
  /** Where to point: the path asked about when it is the first link, else that link. */
  readonly file: string;
  readonly message: string;
  readonly hint: string;
}

/**
 * The rule on symbolic links for one file a build is about to read (repo-relative). A
 * link's fingerprint is its text, as git stores it, never what it points to, so:
 * - a path that leads out of the repository, through any link (or by itself), is refused;
 * - links that loop, or lead to nothing, are refused;
 * - inside the repository, each link on the way and the file reached must be files the
 *   reader's fingerprint covers (`policy.fingerprinted`), so that a change to any of them
 *   changes the fingerprint. A link to a folder is not read itself.
 * Undefined when the file may be read. Reads link texts only, never a file.
 */
export function linkProblem(
  root: string,
  path: string,
  policy: LinkPolicy = {},
): LinkProblem | undefined {
  if (policy.plain?.(path)) return undefined;
  return problemOf(path, resolveLinks(root, path), policy);
}

function problemOf(
  path: string,
  resolution: LinkResolution,
  policy: LinkPolicy,
): LinkProblem | undefined {
  if (resolution.kind === 'plain') return undefined;
  const { hops } = resolution;
  const file = hops[0]?.link ?? path;
  if (resolution.kind === 'outside') {
    if (hops.length === 0) {
      return {
        file,
        message: `${resolution.target} is outside the repository`,
        hint: 'mainline builds only from files in the repository, which fingerprints cover: move it in',
      };
    }
    return {
      file,
      message: `${leadsTo(path, hops, resolution.target)}, outside the repository`,
      hint:
        'a link is fingerprinted by its text (what git stores), not by the file it points to, so ' +
        'mainline never reads outside the repository through one: a change there would go ' +
        'unseen; copy the file into the repository',
    };
  }
  if (resolution.kind === 'loop') {
    return {
      file,
      message: `${path} is a symbolic link that never ends: ${chain(hops.slice(0, 3))}...`,
      hint: 'point the link at a file',
    };
  }
  if (!resolution.exists) {
    return {
      file,
      message: `${leadsTo(path, hops, resolution.real)}, which does not exist`,
      hint: 'point the link at an existing file, or remove it',
    };
  }
  const { fingerprinted } = policy;
  if (fingerprinted === undefined) return undefined;
  const reached = resolution.folder ? [] : [resolution.real];
  const unseen = [...hops.map((hop) => hop.link), ...reached].find((p) => !fingerprinted(p));
  if (unseen === undefined) return undefined;
  const reader = policy.reader ?? 'the target';
  const which = unseen === resolution.real ? 'which is' : `and the link ${unseen} is`;
  return {
    file,
    message: `${leadsTo(path, hops, resolution.real)}, ${which} not in the srcs of ${reader} or of its deps`,
    hint:
      'mainline fingerprints a link by its text only, so what it leads to must be fingerprinted ' +
      `too: add "${unseen}" to the srcs of ${reader} (or of a dep) in BUILD.json, or copy the file`,
  };
}

/** `x is a symbolic link to T` for a link to a file, else the whole way there. */
function leadsTo(path: string, hops: readonly LinkHop[], target: string): string {
  const [first] = hops;
  if (hops.length === 1 && first?.link === path) {
    const shown = first.text === target ? target : `${first.text} (${target})`;
    return `${path} is a symbolic link to ${shown}`;
  }
  return `${path} leads to ${target} through ${chain(hops)}`;
}

function chain(hops: readonly LinkHop[]): string {
  return hops.map((hop) => `${hop.link} -> ${hop.text}`).join(', ');
}
