import type { AffectedReason, AffectedTarget } from '@mainline/core';
import { describe, expect, it } from 'vitest';
import { wavesByDistance } from '../src/prepush/waves.ts';

const target = (name: string, ...reasons: AffectedReason[]): AffectedTarget => ({
  name,
  kind: name.startsWith('properties/') ? 'property' : 'lib',
  reasons,
});
const dep = (name: string): AffectedReason => ({ type: 'dep', target: name });
const file = (path: string): AffectedReason => ({ type: 'file', path, role: 'src' });

describe('wavesByDistance', () => {
  it('orders targets by their shortest dependency distance from what the change touches', () => {
    const waves = wavesByDistance([
      target('libs/core', file('libs/core/x.ts')),
      target('libs/ui', dep('libs/core')),
      target('properties/far', dep('libs/ui')),
      // Two ways in: directly changed wins over through a dep.
      target('properties/near', dep('libs/ui'), { type: 'entry', part: 'build' }),
      target('properties/two', dep('libs/core'), dep('libs/ui')),
    ]);
    expect(waves).toEqual([
      ['libs/core', 'properties/near'],
      ['libs/ui', 'properties/two'],
      ['properties/far'],
    ]);
  });

  it('never drops a target, even one whose deps are not in the report', () => {
    expect(wavesByDistance([target('libs/a', dep('libs/gone'))])).toEqual([['libs/a']]);
    expect(wavesByDistance([])).toEqual([]);
  });
});

describe('wavesByDistance: test deps', () => {
  it('puts a target affected through a test dep one wave after that test dep', () => {
    const waves = wavesByDistance([
      target('libs/core', { type: 'test-dep', target: 'test/helpers' }),
      target('test/helpers', file('test/helpers/x.ts')),
    ]);
    expect(waves).toEqual([['test/helpers'], ['libs/core']]);
  });
});
