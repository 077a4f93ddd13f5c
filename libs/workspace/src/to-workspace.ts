import type { Target, Workspace } from '@mainline/core';
import type { BuildFileJson, TargetJson } from './build-file-json.ts';
import type { JsonLocator } from './json-locator.ts';

const none: readonly string[] = Object.freeze([]);

/** The Workspace of a BUILD.json that passed every check: defaults applied, file order kept. */
export function toWorkspace(
  json: BuildFileJson,
  keys: readonly string[],
  locator: JsonLocator,
): Workspace {
  const names = inFileOrder(keys, locator);
  const targets = new Map<string, Target>();
  for (let i = 0; i < names.length; i++) {
    const name = names[i] as string;
    const raw = json.targets[name] as TargetJson;
    const tests = raw.tests ?? none;
    const deps = raw.deps ?? none;
    const target: Target =
      raw.entry === undefined
        ? { name, kind: raw.kind, srcs: raw.srcs, tests, deps, ...testDepsOf(raw) }
        : {
            name,
            kind: raw.kind,
            srcs: raw.srcs,
            tests,
            deps,
            ...testDepsOf(raw),
            entry: raw.entry,
          };
    const plain = raw.timeouts === undefined && raw.testRunner === undefined;
    targets.set(
      name,
      plain
        ? target
        : {
            ...target,
            ...(raw.timeouts === undefined ? {} : { timeouts: raw.timeouts }),
            ...(raw.testRunner === undefined ? {} : { testRunner: raw.testRunner }),
          },
    );
  }
  return {
    version: 1,
    globalInputs: json.globalInputs ?? none,
    targets,
  };
}

/** `testDeps` when it lists any: an empty list is the default, the same target. */
function testDepsOf(raw: TargetJson): Pick<Target, 'testDeps'> {
  return raw.testDeps === undefined || raw.testDeps.length === 0 ? {} : { testDeps: raw.testDeps };
}

/**
 * JavaScript objects list integer-like keys ("42") first, whatever the text says; only then
 * is the order read from the syntax tree.
 */
function inFileOrder(names: readonly string[], locator: JsonLocator): readonly string[] {
  if (!names.some(isArrayIndex)) return names;
  const targets = locator.members(locator.rootOffset).get('targets');
  return targets === undefined ? names : [...locator.members(targets.valueOffset).keys()];
}

function isArrayIndex(key: string): boolean {
  const first = key.charCodeAt(0);
  if (first < 48 || first > 57) return false; // the common case, without a regex
  return /^(?:0|[1-9]\d{0,9})$/.test(key) && Number(key) < 4294967295;
}
