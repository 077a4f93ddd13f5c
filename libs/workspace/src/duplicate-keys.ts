import { findNodeAtLocation, getNodeValue, type Node } from 'jsonc-parser';
import type { BuildFileJson, TargetJson } from './build-file-json.ts';
import type { JsonLocator } from './json-locator.ts';
import type { Problem } from './problem.ts';
import { schemaProblems } from './schema-problems.ts';

/**
 * Repeated keys, which JSON.parse silently resolves by keeping the last. Counting proves
 * there are none: `keptKeys` (what JSON.parse kept) against the colons in the text that
 * follow a string, which is every key plus, rarely, an escaped quote and colon inside a
 * string. Only when the counts differ, or `keptKeys` is unknown (the document is invalid
 * anyway, so its syntax tree will be built), is the tree searched for the real culprits.
 */
export function duplicateKeyProblems(
  text: string,
  keptKeys: number | undefined,
  locator: JsonLocator,
): Problem[] {
  if (keptKeys !== undefined && keptKeys === countKeysInText(text)) return [];
  const problems: Problem[] = [];
  const root = locator.root;
  if (root !== undefined) visitObjects(root, [], locator, problems);
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
  }
  return count;
}

function visitObjects(node: Node, path: string[], locator: JsonLocator, problems: Problem[]): void {
  if (node.type === 'array') {
    for (const child of node.children ?? [])
      visitObjects(child, [...path, '[]'], locator, problems);
    return;
  }
  if (node.type !== 'object') return;
  const firstSeen = new Map<string, Node>();
  for (const property of node.children ?? []) {
    const [keyNode, valueNode] = property.children ?? [];
    if (keyNode === undefined || typeof keyNode.value !== 'string') continue;
    const key: string = keyNode.value;
    const first = firstSeen.get(key);
    if (first === undefined) firstSeen.set(key, property);
    else {
      const firstKey = first.children?.[0] ?? first;
      problems.push(duplicate(path, key, keyNode.offset, locator.position(firstKey.offset).line));
      const shadowed = first.children?.[1];
      if (isTargets(path) && shadowed) problems.push(...shadowedTargetProblems(key, shadowed));
    }
    if (valueNode !== undefined) visitObjects(valueNode, [...path, key], locator, problems);
  }
}

function isTargets(path: readonly string[]): boolean {
  return path.length === 1 && path[0] === 'targets';
}

/**
 * The schema problems of a target declaration JSON.parse dropped for a later one of the
 * same name: reported too, so that every problem is on the first list the user sees.
 */
function shadowedTargetProblems(name: string, value: Node): Problem[] {
  const alone = { version: 1, targets: { [name]: getNodeValue(value) as unknown } };
  return schemaProblems(alone).map((problem) => {
    const path = 'path' in problem.at ? problem.at.path.slice(2) : [];
    // The deepest node of the path that exists in this declaration (a missing field: its object).
    let node: Node | undefined;
    for (let depth = path.length; node === undefined && depth >= 0; depth--) {
      node = findNodeAtLocation(value, path.slice(0, depth));
    }
    const at = node?.parent?.type === 'property' ? node.parent : (node ?? value);
    return { ...problem, at: { offset: at.offset } };
  });
}

function duplicate(
  path: readonly string[],
  key: string,
  offset: number,
  firstLine: number,
): Problem {
  const also = `(first at line ${firstLine})`;
  const hint = 'JSON keeps only the last one silently: merge the two or remove one';
  if (path.length === 1 && path[0] === 'targets') {
    return { at: { offset }, message: `target '${key}' is declared twice ${also}`, hint };
  }
  if (path.length === 2 && path[0] === 'targets') {
    const where = `target '${path[1]}'`;
    return { at: { offset }, message: `field '${key}' appears twice in ${where} ${also}`, hint };
  }
  const where = path.length === 0 ? 'at the top level' : `in ${path.join('.')}`;
  return { at: { offset }, message: `field '${key}' appears twice ${where} ${also}`, hint };
}
