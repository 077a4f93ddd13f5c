import { describe, expect, it } from 'vitest';
import { parseCheckerOutput } from '../../src/build/checker-output.ts';

describe('parseCheckerOutput', () => {
  it('reads located and global diagnostics with their elaboration lines', () => {
    const output = [
      "libs/b/src/index.ts(3,15): error TS2345: Argument of type 'number' is not assignable to parameter of type 'string'.",
      "libs/a (old)/x.ts(10,1): error TS2322: Type '{ a: number; }' is not assignable to type 'T'.",
      "  Types of property 'a' are incompatible.",
      "    Type 'number' is not assignable to type 'string'.",
      "error TS2688: Cannot find type definition file for 'nodee'.",
      '  The file is in the program because:',
      '',
      'Found 3 errors.',
      "tsconfig.json(1,49): error TS5023: Unknown compiler option 'bogus'.\r",
    ].join('\n');
    expect(parseCheckerOutput(output)).toEqual([
      {
        file: 'libs/b/src/index.ts',
        line: 3,
        column: 15,
        severity: 'error',
        code: 'TS2345',
        message: "Argument of type 'number' is not assignable to parameter of type 'string'.",
      },
      {
        file: 'libs/a (old)/x.ts',
        line: 10,
        column: 1,
        severity: 'error',
        code: 'TS2322',
        message: [
          "Type '{ a: number; }' is not assignable to type 'T'.",
          "  Types of property 'a' are incompatible.",
          "    Type 'number' is not assignable to type 'string'.",
        ].join('\n'),
      },
      {
        file: undefined,
        line: 1,
        column: 1,
        severity: 'error',
        code: 'TS2688',
        message:
          "Cannot find type definition file for 'nodee'.\n  The file is in the program because:",
      },
      {
        file: 'tsconfig.json',
        line: 1,
        column: 49,
        severity: 'error',
        code: 'TS5023',
        message: "Unknown compiler option 'bogus'.",
      },
    ]);
  });

  it('finds nothing in a clean run', () => {
    expect(parseCheckerOutput('')).toEqual([]);
  });
});
