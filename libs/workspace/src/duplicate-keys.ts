import type { BuildFileJson, TargetJson } from './build-file-json.ts';
import { JsonLocator, type Member } from './json-locator.ts';
import { readString, skipSpace, skipString, skipValue } from './json-scan.ts';
import { type Problem, shown, shownText } from './problem.ts';
import { schemaProblems } from './schema-problems.ts';

/**
 * Repeated keys, which JSON.parse silently resolves by keeping the last. Counting proves
 * there are none: `keptKeys` (what JSON.parse kept) against the colons in the text that
 * follow a string, which is every key plus, rarely, an escaped quote and colon inside a
 * string. Only when the counts differ, or `keptKeys` is unknown (the document is invalid
 * anyway), is the text walked for the real culprits. `text` is one JSON.parse accepted.
 */
export function duplicateKeyProblems(
  text: string,
  keptKeys: number | undefined,
  locator: JsonLocator,
): Problem[] {
  if (keptKeys !== undefined && keptKeys === countKeysInText(text)) return [];
  const problems: Problem[] = [];
  walkObjects(text, locator, problems);
  return problems;
}

/** At least the number of keys in a text JSON.parse accepted (see duplicateKeyProblems). */
export function countKeysInText(text: string): number {
  let count = 0;
  for (let colon = text.indexOf(':'); colon !== -1; colon = text.indexOf(':', colon + 1)) {
    let before = colon - 1;
    let c = text.charCodeAt(before);
    while (c === 32 || c === 10 || c === 13 || c === 9) c = text.charCodeAt(--before);
    if (c === 34) count++;
  }
  return count;
}

/** Keys JSON.parse kept in a document valid against the schema: objects only where it says. */
export function countKeysOfValid(json: BuildFileJson, names: readonly string[]): number {
  let count = 0;
  for (const _ in json) count++;
  for (let i = 0; i < names.length; i++) {
    const target = json.targets[names[i] as string] as TargetJson;
    count += 3; // the name, kind and srcs (both required)
    if (target.tests !== undefined) count++;
    if (target.deps !== undefined) count++;
    if (target.entry !== undefined) count++;
    if (target.timeouts !== undefined) {
      count++;
      for (const _ in target.timeouts) count++;
    }
    if (target.testRunner !== undefined) {
      count++;
      for (const _ in target.testRunner) count++;
    }
  }
  return count;
}

interface Seen {
  /** Where the name first appears, for "(first at line N)". */
  readonly firstKey: number;
  /** Its latest occurrence (name and value): the one the next occurrence hides. */
  latest: Member;
}

/** A path as a chain from the root: a value 5,000 levels deep costs one link, not 5,000. */
interface PathLink {
  readonly parent: PathLink | undefined;
  readonly segment: string;
  readonly depth: number;
}

interface Container {
  readonly path: PathLink | undefined;
  /** Names seen so far (objects); undefined for an array. */
  readonly names: Map<string, Seen> | undefined;
  /** The path of every item of an array, made once. */
  readonly itemPath: PathLink | undefined;
}

/**
 * Every object of the document, iteratively (no nesting can overflow the stack): each name
 * seen twice in one object is a problem at its later occurrence.
 */
function walkObjects(text: string, locator: JsonLocator, problems: Problem[]): void {
  const open: Container[] = [];
  let i = locator.rootOffset;
  let path: PathLink | undefined;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    const close = code === 123 ? 125 : code === 91 ? 93 : 0;
    if (close !== 0) {
      const first = skipSpace(text, i + 1);
      if (text.charCodeAt(first) !== close) {
        const container: Container = {
          path,
          names: code === 123 ? new Map() : undefined,
          itemPath: code === 123 ? path : link(path, '[]'),
        };
        open.push(container);
        [i, path] = enter(container, text, first, locator, problems);
        continue;
      }
      i = first + 1;
    } else {
      i = skipValue(text, i);
    }
    // After a value: the next item of its container, or the end of containers.
    for (;;) {
      i = skipSpace(text, i);
      const container = open[open.length - 1];
      if (container === undefined) return;
      if (text.charCodeAt(i) === 44) {
        [i, path] = enter(container, text, skipSpace(text, i + 1), locator, problems);
        break;
      }
      open.pop();
      i++;
    }
  }
}

function link(parent: PathLink | undefined, segment: string): PathLink {
  return { parent, segment, depth: (parent?.depth ?? 0) + 1 };
}

function segments(path: PathLink | undefined): string[] {
  const all: string[] = [];
  for (let at = path; at !== undefined; at = at.parent) all.push(at.segment);
  return all.reverse();
}

/** Starts the item of `container` at `at`: its value's offset and path. */
function enter(
  container: Container,
  text: string,
  at: number,
  locator: JsonLocator,
  problems: Problem[],
): [number, PathLink | undefined] {
  if (container.names === undefined) return [at, container.itemPath];
  const keyEnd = skipString(text, at);
  const name = readString(text, at, keyEnd);
  const valueAt = skipSpace(text, skipSpace(text, keyEnd) + 1);
  const seen = container.names.get(name);
  if (seen === undefined) {
    container.names.set(name, { firstKey: at, latest: { keyOffset: at, valueOffset: valueAt } });
  } else {
    const firstKey = seen.firstKey;
    const where = () => ({ path: segments(container.path), line: locator.position(firstKey).line });
    problems.push(duplicate(where, name, at));
    if (container.path?.depth === 1 && container.path.segment === 'targets') {
      for (const problem of shadowedTargetProblems(text, name, seen.latest)) {
        problems.push(problem);
      }
    }
    seen.latest = { keyOffset: at, valueOffset: valueAt };
  }
  return [valueAt, link(container.path, name)];
}

/**
 * The schema problems of a target declaration JSON.parse dropped for a later one of the
 * same name: reported too, so that every problem is on the first list the user sees.
 */
function shadowedTargetProblems(text: string, name: string, hidden: Member): Problem[] {
  const valueAt = hidden.valueOffset;
  const declaration = text.slice(valueAt, skipValue(text, valueAt));
  const alone = { version: 1, targets: { [name]: JSON.parse(declaration) as unknown } };
  const problems = schemaProblems(alone);
  if (problems.length === 0) return problems;
  const local = new JsonLocator(declaration);
  return problems.map((problem) => {
    const path = 'path' in problem.at ? problem.at.path.slice(2) : [];
    // The deepest property of the path that exists in this declaration; the target's own
    // problems (a missing field) at its name, easier to spot than its opening brace.
    if (path.length === 0) return { ...problem, at: { offset: hidden.keyOffset } };
    return { ...problem, at: { offset: valueAt + local.offsetOfPath(path, true) } };
  });
}

/** A repeated name, its text made only if it is listed (`where` costs a lookup). */
function duplicate(
  where: () => { readonly path: readonly string[]; readonly line: number },
  key: string,
  offset: number,
): Problem {
  const message = (): string => {
    const { path, line } = where();
    const also = `(first at line ${line})`;
    if (path.length === 1 && path[0] === 'targets') {
      return `target ${shown(key)} is declared twice ${also}`;
    }
    if (path.length === 2 && path[0] === 'targets') {
      return `field ${shown(key)} appears twice in target ${shown(path[1] as string)} ${also}`;
    }
    const inside = path.length === 0 ? 'at the top level' : `in ${shownText(path.join('.'))}`;
    return `field ${shown(key)} appears twice ${inside} ${also}`;
  };
  return {
    code: 'duplicateKey',
    at: { offset },
    message,
    hint: 'JSON keeps only the last one silently: merge the two or remove one',
  };
}
