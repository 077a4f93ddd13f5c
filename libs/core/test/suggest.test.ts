import { describe, expect, it } from 'vitest';
import { closestName } from '../src/index.ts';

describe('closestName', () => {
  it('suggests a near miss', () => {
    expect(closestName('libs/grpah', ['libs/graph', 'libs/core'])).toBe('libs/graph');
    expect(closestName('srsc', ['srcs', 'deps', 'tests', 'kind'])).toBe('srcs');
  });

  it('suggests nothing when nothing is close', () => {
    expect(closestName('zzzzzz', ['libs/graph', 'libs/core'])).toBeUndefined();
    expect(closestName('zz', ['a', 'b'])).toBeUndefined();
    expect(closestName('b', ['a'])).toBeUndefined();
    expect(closestName('a', [])).toBeUndefined();
  });
});
