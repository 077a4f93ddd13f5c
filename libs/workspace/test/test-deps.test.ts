import { deserialize, serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { compileWorkspace, expandWorkspace, parseBuildFile } from '../src/index.ts';
import { onlyProblem, problemsOf, short } from './helpers.ts';

function file(targets: readonly string[]): string {
  return `{\n  "version": 1,\n  "targets": {\n${targets.map((t) => `    ${t}`).join(',\n')}\n  }\n}\n`;
}

describe('testDeps', () => {
  it('is read into the target, an empty list being the default', () => {
    const { workspace } = parseBuildFile(
      file([
        '"a": { "kind": "lib", "srcs": [], "testDeps": ["helpers"] }',
        '"b": { "kind": "lib", "srcs": [], "testDeps": [] }',
        '"helpers": { "kind": "lib", "srcs": [], "deps": ["a"] }',
      ]),
      'BUILD.json',
    );
    expect(workspace.targets.get('a')?.testDeps).toEqual(['helpers']);
    expect(workspace.targets.get('b')).not.toHaveProperty('testDeps');
    // A test dep that depends on the target is no cycle: it builds after it.
    const compiled = deserialize(serialize(compileWorkspace(workspace)));
    expect([...expandWorkspace(compiled).targets.values()]).toEqual([
      ...workspace.targets.values(),
    ]);
  });

  it('reports an unknown test dep with a near miss, itself and a repeat', () => {
    const problem = onlyProblem(
      file([
        '"libs/helpers": { "kind": "lib", "srcs": [] }',
        '"a": { "kind": "lib", "srcs": [], "testDeps": ["libs/helper"] }',
      ]),
    );
    expect(short(problem)).toBe("5:52 target 'a' has a test dep on unknown target 'libs/helper'");
    expect(problem.hint).toBe("did you mean 'libs/helpers'?");
    const problems = problemsOf(
      file([
        '"a": { "kind": "lib", "srcs": [], "testDeps": ["a", "b", "b"] }',
        '"b": { "kind": "lib", "srcs": [] }',
      ]),
    );
    expect(problems.map(short)).toEqual([
      "4:52 target 'a' lists itself in testDeps",
      "4:62 target 'a' lists test dep 'b' more than once",
    ]);
    expect(problems[0]?.hint).toBe("remove 'a' from its testDeps");
  });
});
