import { describe, expect, it } from 'vitest';
import { bandOf } from '../../src/estimate/index.ts';

const bands = [{ id: 'excellent', min: 4 }, { id: 'good', min: 3.5 }, { id: 'moderate', min: 3 }, { id: 'weak', min: 2.5 }, { id: 'very weak' }] as const;

describe('bandOf', () => {
  it.each([
    [3.995, 'excellent'],
    [4, 'excellent'],
    [3.994, 'good'],
    [3.5, 'good'],
    [3.49, 'moderate'],
    [2.4999, 'weak'],
    [2.495, 'weak'],
    [2.49, 'very weak'],
    [1, 'very weak'],
    [5, 'excellent'],
  ])('%d is %s', (value, id) => {
    expect(bandOf(value, bands).id).toBe(id);
  });

  it('returns the band object itself', () => {
    expect(bandOf(3.7, bands)).toBe(bands[1]);
  });

  it('puts NaN in the last band and rejects an empty list', () => {
    expect(bandOf(NaN, bands).id).toBe('very weak');
    expect(() => bandOf(3, [])).toThrow(RangeError);
  });
});
