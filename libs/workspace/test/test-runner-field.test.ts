import { describe, expect, it } from 'vitest';
import { compileWorkspace, expandWorkspace, parseBuildFile } from '../src/index.ts';
import { onlyProblem } from './helpers.ts';

const of = (testRunner: unknown) =>
  JSON.stringify({ version: 1, targets: { a: { kind: 'lib', srcs: ['a/**'], testRunner } } });

describe('BUILD.json testRunner', () => {
  it('reads a command, where it writes JUnit and its folder, and keeps them through the memo', () => {
    const runner = { command: ['npx', 'jest', '--ci'], junit: 'junit.xml', cwd: 'packages/a' };
    const workspace = parseBuildFile(of(runner), 'BUILD.json').workspace;
    expect(workspace.targets.get('a')?.testRunner).toEqual(runner);
    const expanded = expandWorkspace(compileWorkspace(workspace));
    expect(expanded.targets.get('a')?.testRunner).toEqual(runner);
  });

  it('wants a command as an argument list, and names unknown fields', () => {
    const unknown = onlyProblem(of({ command: ['jest'], junitt: 'x.xml' }));
    expect(unknown.message).toBe("unknown field 'junitt' in 'testRunner' of target 'a'");
    expect(unknown.hint).toBe("did you mean 'junit'? allowed fields: command, junit, cwd");
    const shell = onlyProblem(of({ command: 'npx jest --ci' }));
    expect(shell.message).toContain('must be an array');
    expect(shell.hint).toContain('testRunner is {"command": [program, ...arguments]}');
    expect(onlyProblem(of({ junit: 'x.xml' })).message).toBe(
      "'testRunner' of target 'a' is missing required field 'command'",
    );
    expect(onlyProblem(of({ command: [] })).message).toContain('must NOT have fewer than 1 items');
  });
});
