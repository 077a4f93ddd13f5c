import {
  type JsonPath,
  isRecord,
  targetFields,
  testRunnerFields,
  timeoutFields,
  topLevelFields,
} from './build-file-json.ts';
import { didYouMean } from './did-you-mean.ts';
import { describePath, describeType, type Problem, quote, shown, shownText } from './problem.ts';
import type { SchemaError } from './schema/validate.generated.js';
import { validate } from './schema/validate.generated.js';

/**
 * Schema violations of parsed BUILD.json, as problems with messages a person can act on.
 * Target names are left to the semantic check, which says which rule a name breaks.
 */
export function schemaProblems(data: unknown): Problem[] {
  if (validate(data)) return [];
  const errors = validate.errors ?? [];
  const problems = errors
    .filter((error) => !isNameError(error))
    .map((error) => toProblem(error, data));
  const unlisted = (validate.errorCount ?? errors.length) - errors.length;
  const last = problems[problems.length - 1];
  if (unlisted > 0 && last !== undefined) {
    problems.push({
      code: 'schema',
      at: last.at,
      message: `${unlisted.toLocaleString('en-US')} more problems against the schema after this point, past the first ${errors.length.toLocaleString('en-US')} (not told apart)`,
      hint: 'fix the problems shown, then run again to see the next',
      count: unlisted,
    });
  }
  return problems;
}

function isNameError(error: SchemaError): boolean {
  return (
    error.instancePath === '/targets' &&
    (error.keyword === 'propertyNames' || error.keyword === 'pattern')
  );
}

function toProblem(error: SchemaError, data: unknown): Problem {
  const path = pointerToPath(error.instancePath, data);
  const value = valueAt(data, path);
  const params = error.params;
  switch (error.keyword) {
    case 'additionalProperties':
      return unknownField(path, String(params.additionalProperty));
    case 'required':
      return missingField(path, String(params.missingProperty));
    case 'type':
      return {
        code: 'wrongType',
        at: { path },
        message: `${describePath(path)} must be ${article(String(params.type))} (found ${describeType(value)})`,
        hint: shapeHint(path),
      };
    case 'const':
      return {
        code: 'wrongVersion',
        at: { path },
        message: `${describePath(path)} must be ${quote(params.allowedValue)} (found ${quote(value)})`,
        hint: '1 is the only BUILD.json version this mainline reads',
      };
    case 'enum': {
      const allowed = Array.isArray(params.allowedValues) ? params.allowedValues.map(String) : [];
      const guess = typeof value === 'string' ? didYouMean(value, allowed) : undefined;
      return {
        code: 'unknownKind',
        at: { path },
        message: `${describePath(path)} must be one of ${allowed.join(', ')} (found ${quote(value)})`,
        hint: guess
          ? `did you mean ${shown(guess)}?`
          : 'lib: a library; property: a deployable product; tool: an internal tool',
      };
    }
    default:
      return {
        code: 'schema',
        at: { path },
        message: `${describePath(path)} ${error.message}`,
        hint: shapeHint(path),
      };
  }
}

function unknownField(path: JsonPath, field: string): Problem {
  if (path.length === 3 && path[2] === 'testRunner') {
    const guess = didYouMean(field, testRunnerFields);
    const list = `allowed fields: ${testRunnerFields.join(', ')}`;
    return {
      code: 'unknownField',
      at: { path: [...path, field], key: true },
      message: `unknown field ${shown(field)} in 'testRunner' of target ${shown(String(path[1]))}`,
      hint: guess ? `did you mean ${shown(guess)}? ${list}` : list,
    };
  }
  if (path.length === 3) {
    const guess = didYouMean(field, timeoutFields);
    const list = `allowed fields: ${timeoutFields.join(', ')} (milliseconds)`;
    return {
      code: 'unknownField',
      at: { path: [...path, field], key: true },
      message: `unknown field ${shown(field)} in 'timeouts' of target ${shown(String(path[1]))}`,
      hint: guess ? `did you mean ${shown(guess)}? ${list}` : list,
    };
  }
  const inTarget = path.length === 2;
  const allowed: readonly string[] = inTarget ? targetFields : topLevelFields;
  const guess = didYouMean(field, allowed);
  const list = `allowed fields: ${allowed.join(', ')}`;
  return {
    code: 'unknownField',
    at: { path: [...path, field], key: true },
    message: inTarget
      ? `unknown field ${shown(field)} in ${describePath(path)}`
      : `unknown top-level field ${shown(field)}`,
    hint: guess ? `did you mean ${shown(guess)}? ${list}` : list,
  };
}

const missingHints: Readonly<Record<string, (target: string) => string>> = {
  version: () => 'add "version": 1',
  targets: () => 'add "targets": {} and declare each target in it',
  kind: () => 'add "kind": "lib" (or "property", "tool")',
  srcs: (target) => `add "srcs" with the globs of its sources, e.g. ["${target}/src/**"]`,
};

function missingField(path: JsonPath, field: string): Problem {
  if (path.length === 3 && path[2] === 'testRunner') {
    return {
      code: 'missingField',
      at: { path },
      message: `'testRunner' of target ${shown(String(path[1]))} is missing required field ${shown(field)}`,
      hint: testRunnerHint,
    };
  }
  const target = path.length === 2 ? String(path[1]) : undefined;
  return {
    code: 'missingField',
    // A target's name is easier to spot than its opening brace.
    at: target === undefined ? { path } : { path, key: true },
    message:
      target === undefined
        ? `missing required top-level field ${shown(field)}`
        : `target ${shown(target)} is missing required field ${shown(field)}`,
    hint: missingHints[field]?.(shownText(target ?? 'libs/name')) ?? `add ${shown(field)}`,
  };
}

function shapeHint(path: JsonPath): string {
  const [first, name, field] = path;
  const target = shownText(String(name ?? 'libs/name'));
  if (first === 'targets') {
    if (path.length === 1) return 'targets maps each target name to {"kind": ..., "srcs": [...]}';
    if (path.length === 2)
      return `a target is an object, e.g. {"kind": "lib", "srcs": ["${target}/src/**"]}`;
    if (field === 'srcs') return `srcs is a list of globs, e.g. ["${target}/src/**"]`;
    if (field === 'tests') return `tests is a list of globs, e.g. ["${target}/test/**/*.test.ts"]`;
    if (field === 'deps') return 'deps is a list of target names, e.g. ["libs/core"]';
    if (field === 'entry') return `entry is the bundle entry file, e.g. "${target}/src/main.ts"`;
    if (field === 'testRunner') return testRunnerHint;
  }
  if (first === 'globalInputs')
    return 'globalInputs is a list of globs, e.g. ["tsconfig.base.json"]';
  if (first === '$schema') return 'the path or URL of the BUILD.json schema';
  return 'BUILD.json is an object like {"version": 1, "targets": {...}}';
}

const testRunnerHint =
  'testRunner is {"command": [program, ...arguments]}, e.g. {"command": ["npx", "jest", "--ci", "--reporters=default", "--reporters=jest-junit"]}';

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

/** `/targets/libs~1a/srcs/0` -> ['targets', 'libs/a', 'srcs', 0] (indexes where arrays are). */
function pointerToPath(pointer: string, data: unknown): JsonPath {
  if (pointer === '') return [];
  const path: (string | number)[] = [];
  let node = data;
  for (const raw of pointer.slice(1).split('/')) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(node)) {
      path.push(Number(segment));
      node = node[Number(segment)];
    } else {
      path.push(segment);
      node = isRecord(node) ? node[segment] : undefined;
    }
  }
  return path;
}

function valueAt(data: unknown, path: JsonPath): unknown {
  let node = data;
  for (const segment of path) {
    if (Array.isArray(node) && typeof segment === 'number') node = node[segment];
    else if (isRecord(node)) node = node[String(segment)];
    else return undefined;
  }
  return node;
}
