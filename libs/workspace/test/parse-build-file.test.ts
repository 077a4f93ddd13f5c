import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildFileSchemaUrl, parseBuildFile } from '../src/index.ts';

const designExample = `{
  "$schema": "./libs/workspace/schema/build.schema.json",
  "version": 1,
  "globalInputs": ["tsconfig.base.json", ".nvmrc"],
  "targets": {
    "libs/graph": {
      "kind": "lib",
      "srcs": ["libs/graph/src/**"],
      "tests": ["libs/graph/test/**/*.test.ts"],
      "deps": ["libs/core"]
    },
    "libs/core": { "kind": "lib", "srcs": ["libs/core/src/**"] },
    "properties/cli": {
      "kind": "property",
      "srcs": ["properties/cli/src/**"],
      "entry": "properties/cli/src/main.ts",
      "tests": ["properties/cli/test/**/*.test.ts"],
      "deps": ["libs/graph"]
    }
  }
}
`;

describe('parseBuildFile on a valid file', () => {
  const buildFile = parseBuildFile(designExample, 'BUILD.json');
  const { workspace } = buildFile;

  it('keeps the display path and text', () => {
    expect(buildFile.file).toBe('BUILD.json');
    expect(buildFile.text).toBe(designExample);
  });

  it('lists targets in file order with defaults applied', () => {
    expect(workspace.version).toBe(1);
    expect(workspace.globalInputs).toEqual(['tsconfig.base.json', '.nvmrc']);
    expect([...workspace.targets.keys()]).toEqual(['libs/graph', 'libs/core', 'properties/cli']);
    expect(workspace.targets.get('libs/core')).toEqual({
      name: 'libs/core',
      kind: 'lib',
      srcs: ['libs/core/src/**'],
      tests: [],
      deps: [],
    });
    expect(workspace.targets.get('properties/cli')).toEqual({
      name: 'properties/cli',
      kind: 'property',
      srcs: ['properties/cli/src/**'],
      tests: ['properties/cli/test/**/*.test.ts'],
      deps: ['libs/graph'],
      entry: 'properties/cli/src/main.ts',
    });
    expect('entry' in (workspace.targets.get('libs/core') ?? {})).toBe(false);
  });

  it('defaults globalInputs to none', () => {
    const minimal = parseBuildFile('{"version":1,"targets":{}}', 'BUILD.json');
    expect(minimal.workspace.globalInputs).toEqual([]);
    expect(minimal.workspace.targets.size).toBe(0);
  });

  it('keeps file order for names JavaScript would sort first', () => {
    const text =
      '{"version":1,"targets":{"10":{"kind":"lib","srcs":["x/**"]},' +
      '"b":{"kind":"lib","srcs":["b/**"]},"2":{"kind":"tool","srcs":["y/**"]}}}';
    // Text order: "10", "b", "2".
    const names = [...parseBuildFile(text, 'BUILD.json').workspace.targets.keys()];
    expect(names).toEqual(['10', 'b', '2']);
  });

  it('accepts a byte order mark', () => {
    const parsed = parseBuildFile(`\ufeff${designExample}`, 'BUILD.json');
    expect(parsed.workspace.targets.size).toBe(3);
    expect(parsed.locate(['version'])).toEqual({ line: 3, column: 14 });
  });

  it('locates JSON paths, 1-based', () => {
    expect(buildFile.locate(['targets', 'libs/graph', 'srcs', 0])).toEqual({ line: 8, column: 16 });
    expect(buildFile.locate(['targets', 'properties/cli', 'entry'])).toEqual({
      line: 16,
      column: 16,
    });
    expect(buildFile.locate(['globalInputs', 1])).toEqual({ line: 4, column: 42 });
    expect(buildFile.locate([])).toEqual({ line: 1, column: 1 });
    // A path that does not exist points at the deepest property that does.
    expect(buildFile.locate(['targets', 'libs/core', 'deps', 0])).toEqual({ line: 12, column: 5 });
  });

  it('ships its schema at buildFileSchemaUrl', () => {
    const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
    expect(existsSync(`${repoRoot}${buildFileSchemaUrl}`)).toBe(true);
  });
});

describe('parseBuildFile at scale', () => {
  it('parses 10,000 targets (speed is measured by bench:affected)', () => {
    const targets: Record<string, unknown> = {};
    for (let i = 0; i < 10_000; i++) {
      const deps = [1, 2, 3]
        .map((k) => i - 7 * k)
        .filter((d) => d >= 0)
        .map((d) => `libs/t${d}`);
      targets[`libs/t${i}`] = {
        kind: 'lib',
        srcs: [`libs/t${i}/src/**`],
        tests: [`libs/t${i}/test/**/*.test.ts`],
        deps,
      };
    }
    const text = JSON.stringify({ version: 1, globalInputs: ['.nvmrc'], targets }, null, 2);
    const { workspace } = parseBuildFile(text, 'BUILD.json');
    expect(workspace.targets.size).toBe(10_000);
  });
});

describe('trusted text', () => {
  it('skips the checks but builds the same workspace', () => {
    const text = JSON.stringify({
      version: 1,
      targets: {
        b: { kind: 'lib', srcs: ['b/**'], deps: ['a'] },
        a: { kind: 'lib', srcs: ['a/**'] },
      },
    });
    const checked = parseBuildFile(text, 'BUILD.json').workspace;
    const trusted = parseBuildFile(text, 'BUILD.json', { trusted: true }).workspace;
    expect([...trusted.targets.values()]).toEqual([...checked.targets.values()]);
    // Proof that nothing was checked: a dependency on an unknown target goes through.
    const unchecked = JSON.stringify({
      version: 1,
      targets: { a: { kind: 'lib', srcs: [], deps: ['x'] } },
    });
    expect(() => parseBuildFile(unchecked, 'BUILD.json')).toThrow();
    expect(parseBuildFile(unchecked, 'BUILD.json', { trusted: true }).workspace.targets.size).toBe(
      1,
    );
  });
});
