import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { targetFields, topLevelFields } from '../src/build-file-json.ts';
import { schemaProblems } from '../src/schema-problems.ts';

const schemaPath = fileURLToPath(new URL('../schema/build.schema.json', import.meta.url));
const schema = JSON.parse(readFileSync(schemaPath, 'utf8'));
const target = schema.definitions.target;

describe('the shipped JSON Schema', () => {
  it('is a valid draft-07 schema that ajv compiles strictly', () => {
    const ajv = new Ajv({ strict: true, allErrors: true });
    expect(ajv.validateSchema(schema)).toBe(true);
    expect(() => ajv.compile(schema)).not.toThrow();
  });

  it('is what the committed validator was generated from', () => {
    const script = fileURLToPath(new URL('../scripts/generate-validator.mjs', import.meta.url));
    // Throws (non-zero exit) when src/schema/validate.generated.js is stale.
    expect(() =>
      execFileSync(process.execPath, [script, '--check'], { stdio: 'pipe' }),
    ).not.toThrow();
  });

  it('allows the fields the messages list', () => {
    expect(Object.keys(schema.properties).sort()).toEqual([...topLevelFields].sort());
    expect(Object.keys(target.properties).sort()).toEqual([...targetFields].sort());
  });

  describe('agrees with the generated validator', () => {
    const ajv = new Ajv({ strict: true, allErrors: true });
    const fromSchema = ajv.compile(schema);
    const ok = { kind: 'lib', srcs: ['a/**'] };
    const documents: Record<string, unknown> = {
      minimal: { version: 1, targets: {} },
      full: {
        $schema: './schema.json',
        version: 1,
        globalInputs: ['x'],
        targets: { a: { ...ok, tests: [], deps: ['b'], entry: 'a/m.ts' }, b: ok },
      },
      'no version': { targets: {} },
      'version 2': { version: 2, targets: {} },
      'no targets': { version: 1 },
      'targets array': { version: 1, targets: [] },
      'unknown top field': { version: 1, targets: {}, extra: true },
      'globalInputs of numbers': { version: 1, targets: {}, globalInputs: [1] },
      'bad kind': { version: 1, targets: { a: { ...ok, kind: 'app' } } },
      'no srcs': { version: 1, targets: { a: { kind: 'lib' } } },
      'srcs string': { version: 1, targets: { a: { ...ok, srcs: 'a/**' } } },
      'deps of objects': { version: 1, targets: { a: { ...ok, deps: [{}] } } },
      'entry number': { version: 1, targets: { a: { ...ok, entry: 1 } } },
      'unknown target field': { version: 1, targets: { a: { ...ok, tags: [] } } },
      'null target': { version: 1, targets: { a: null } },
      'not an object': 'BUILD',
    };
    for (const [name, document] of Object.entries(documents)) {
      it(name, () => {
        const valid = fromSchema(document);
        expect(schemaProblems(document).length === 0).toBe(valid);
        expect(schemaProblems(document)).toHaveLength(fromSchema.errors?.length ?? 0);
      });
    }
  });
});
