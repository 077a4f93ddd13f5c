import { hostileNames, oddGlobs, oddValues } from './hostile-values.ts';
import type { Picker } from './picker.ts';

/** A BUILD.json being mutated, and the raw JSON text that replaces marker strings in it. */
export interface Draft {
  doc: Record<string, unknown>;
  /** Marker string -> raw text (what JSON.stringify cannot write: deep nesting, repeated keys). */
  readonly raw: Map<string, string>;
  readonly pick: Picker;
  /** Size of the large cases (targets added, array lengths). */
  readonly scale: number;
}

/** One structural mutation: changes the draft, says what it did. */
export type StructuralOp = (draft: Draft) => string;

const targetFields = ['kind', 'srcs', 'tests', 'deps', 'entry', 'timeouts'];
const listFields = ['srcs', 'tests', 'deps'];

function targets(draft: Draft): Record<string, Record<string, unknown>> {
  if (typeof draft.doc.targets !== 'object' || draft.doc.targets === null) draft.doc.targets = {};
  return draft.doc.targets as Record<string, Record<string, unknown>>;
}

function names(draft: Draft): string[] {
  return Object.keys(targets(draft));
}

/** A target object to change (made when there is none). */
function someTarget(draft: Draft): [string, Record<string, unknown>] {
  const all = targets(draft);
  const name = draft.pick.one(names(draft)) ?? 'libs/new';
  if (typeof all[name] !== 'object' || all[name] === null) all[name] = { kind: 'lib', srcs: [] };
  return [name, all[name] as Record<string, unknown>];
}

function marker(draft: Draft, raw: string): string {
  const key = `__fuzz_raw_${draft.raw.size}__`;
  draft.raw.set(key, raw);
  return key;
}

function nested(depth: number, pick: Picker): string {
  return pick.chance(0.5)
    ? `${'['.repeat(depth)}${']'.repeat(depth)}`
    : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

function renameTarget(draft: Draft, from: string, to: string): void {
  const renamed: Record<string, unknown> = {};
  for (const [name, target] of Object.entries(targets(draft))) {
    renamed[name === from ? to : name] = target;
  }
  draft.doc.targets = renamed;
}

export const structuralOps: Readonly<Record<string, StructuralOp>> = {
  'drop-field': (draft) => {
    if (draft.pick.chance(0.3)) {
      const field = draft.pick.one(['version', 'targets', 'globalInputs']) as string;
      delete draft.doc[field];
      return `drop ${field}`;
    }
    const [name, target] = someTarget(draft);
    const field = draft.pick.one(targetFields) as string;
    delete target[field];
    return `drop ${field} of ${name}`;
  },
  retype: (draft) => {
    const value = draft.pick.one(oddValues);
    if (draft.pick.chance(0.3)) {
      const field = draft.pick.one(['version', 'targets', 'globalInputs', '$schema']) as string;
      draft.doc[field] = value;
      return `retype ${field}`;
    }
    const [name, target] = someTarget(draft);
    const field = draft.pick.one(targetFields) as string;
    if (draft.pick.chance(0.5) && Array.isArray(target[field])) {
      (target[field] as unknown[]).push(value);
      return `odd item in ${field} of ${name}`;
    }
    target[field] = value;
    return `retype ${field} of ${name}`;
  },
  'hostile-name': (draft) => {
    const [name] = someTarget(draft);
    const hostile = draft.pick.one(hostileNames) as string;
    renameTarget(draft, name, hostile);
    return `rename ${name} to ${JSON.stringify(hostile).slice(0, 40)}`;
  },
  'hostile-dep': (draft) => {
    const [name, target] = someTarget(draft);
    const dep = draft.pick.chance(0.5) ? (draft.pick.one(hostileNames) as string) : 'libs/nowhere';
    target.deps = [...(Array.isArray(target.deps) ? target.deps : []), dep];
    return `dep ${JSON.stringify(dep).slice(0, 40)} of ${name}`;
  },
  'self-dep': (draft) => {
    const [name, target] = someTarget(draft);
    target.deps = [...(Array.isArray(target.deps) ? target.deps : []), name];
    return `self dep of ${name}`;
  },
  cycle: (draft) => {
    const all = names(draft);
    const length = draft.pick.chance(0.2) ? all.length : Math.min(all.length, draft.pick.int(2, 4));
    const start = draft.pick.int(0, Math.max(0, all.length - length));
    const cycle = all.slice(start, start + length);
    cycle.forEach((name, i) => {
      const target = targets(draft)[name] as Record<string, unknown>;
      const next = cycle[(i + 1) % cycle.length] as string;
      target.deps = [...(Array.isArray(target.deps) ? target.deps : []), next];
    });
    return `cycle of ${cycle.length}`;
  },
  'odd-glob': (draft) => {
    const glob = draft.pick.one(oddGlobs) as string;
    if (draft.pick.chance(0.25)) {
      draft.doc.globalInputs = [glob];
      return `global input ${JSON.stringify(glob).slice(0, 40)}`;
    }
    const [name, target] = someTarget(draft);
    const field = draft.pick.one(['srcs', 'tests']) as string;
    target[field] = [...(Array.isArray(target[field]) ? target[field] : []), glob];
    return `${field} glob ${JSON.stringify(glob).slice(0, 40)} of ${name}`;
  },
  'huge-array': (draft) => {
    const [name, target] = someTarget(draft);
    const field = draft.pick.one(listFields) as string;
    const count = draft.scale * draft.pick.int(1, 10);
    const all = names(draft);
    const shape = draft.pick.int(0, 3);
    target[field] = Array.from({ length: count }, (_, i) =>
      shape === 0 ? i : shape === 1 ? `x${i}/**` : shape === 2 ? all[i % all.length] : `**/*.n${i}`,
    );
    return `${count} items in ${field} of ${name} (shape ${shape})`;
  },
  'deep-value': (draft) => {
    const depth = draft.pick.one([100, 5000, 50_000]) as number;
    const text = marker(draft, nested(depth, draft.pick));
    if (draft.pick.chance(0.3)) {
      draft.doc[draft.pick.one(['version', 'globalInputs', 'extra']) as string] = text;
    } else {
      someTarget(draft)[1][draft.pick.one(targetFields) as string] = text;
    }
    return `nested ${depth} deep`;
  },
  'long-string': (draft) => {
    const long = 'a/'.repeat(draft.pick.one([600, 50_000, 500_000]) as number);
    const [name, target] = someTarget(draft);
    const where = draft.pick.int(0, 3);
    if (where === 0) renameTarget(draft, name, long);
    else if (where === 1) target.srcs = [`${long}**`];
    else if (where === 2) target.deps = [long];
    else target.entry = long;
    return `${long.length}-character string (${where})`;
  },
  'overlap-all': (draft) => {
    const glob = draft.pick.one(['**', 'libs/**', '**/*.ts', '*/**', '**/src/**']) as string;
    for (const target of Object.values(targets(draft))) {
      if (typeof target === 'object' && target !== null) target.srcs = [glob];
    }
    return `every srcs ${glob}`;
  },
  'many-targets': (draft) => {
    const shape = draft.pick.int(0, 5);
    const all = targets(draft);
    for (let i = 0; i < draft.scale; i++) {
      const name = `gen/t${i}`;
      all[name] =
        shape === 0
          ? { kind: 'lib', srcs: ['**'] }
          : shape === 1
            ? { kind: 'lib', srcs: [`**/*.none${i}`] }
            : shape === 2
              ? { kind: 'lob', srcs: 'x', deps: [`gen/u${i}`] }
              : shape === 3
                ? { kind: 'lib', srcs: [`gen/t${i}/**`], deps: i > 0 ? [`gen/t${i - 1}`] : [] }
                : shape === 4
                  ? { kind: 'lib', srcs: [], deps: [`gen/t${(i + 1) % draft.scale}`] }
                  : { kind: 'lib', srcs: [`gen/t${i}/**`], entry: `gen/other${i}.ts` };
    }
    return `${draft.scale} more targets (shape ${shape})`;
  },
  'extra-field': (draft) => {
    const where = draft.pick.int(0, 2);
    if (where === 0) draft.doc.colour = 'red';
    else if (where === 1) someTarget(draft)[1].owner = 'me';
    else someTarget(draft)[1].timeouts = { test: 1, hour: 3 };
    return `unknown field (${where})`;
  },
  version: (draft) => {
    draft.doc.version = draft.pick.one([2, 0, '1', 1.5, -1, null, [1], 1e308]);
    return `version ${JSON.stringify(draft.doc.version)}`;
  },
  entry: (draft) => {
    const [name, target] = someTarget(draft);
    target.entry = draft.pick.one(['../x.ts', '/etc/passwd', '', 'nowhere.ts', 'libs\\x.ts', 7]);
    return `entry ${JSON.stringify(target.entry)} of ${name}`;
  },
  timeouts: (draft) => {
    const [name, target] = someTarget(draft);
    target.timeouts = draft.pick.one([
      { test: -1 },
      { file: 0 },
      { test: 1e12 },
      { test: 1.5 },
      { test: '5000' },
      {},
      [],
      { test: 1, file: 1 },
    ]);
    return `timeouts ${JSON.stringify(target.timeouts)} of ${name}`;
  },
  'duplicate-key': (draft) => {
    const [name, target] = someTarget(draft);
    const key = `__fuzz_dup_${draft.raw.size}__`;
    if (draft.pick.chance(0.5)) {
      draft.raw.set(key, `"kind": "tool"`);
      target[key] = key;
      return `kind twice in ${name}`;
    }
    draft.raw.set(key, `${JSON.stringify(name)}: {"kind": "lib"}`);
    (targets(draft) as Record<string, unknown>)[key] = key;
    return `target ${name} twice`;
  },
  'whole-document': (draft) => {
    const doc = draft.pick.one([{}, { version: 1 }, { targets: {} }, { version: 1, targets: [] }]);
    draft.doc = doc as Record<string, unknown>;
    if (draft.pick.chance(0.3)) draft.doc = { value: draft.pick.one(oddValues) };
    return `document ${JSON.stringify(draft.doc)}`;
  },
  unicode: (draft) => {
    const [name, target] = someTarget(draft);
    const odd = draft.pick.one(['\u0000', '\u001b[31m', '\u202e', '\ud800', '😀', '\u2028', 'ß']);
    target.srcs = [`${name}/${odd}/**`];
    renameTarget(draft, name, `${name}${odd}`);
    return `unicode ${JSON.stringify(odd)} in ${name}`;
  },
  'no-targets': (draft) => {
    draft.doc.targets = {};
    return 'no targets';
  },
};
