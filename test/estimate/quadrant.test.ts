// The quadrant rule of importance–performance analysis (Martilla & James 1977):
// split at the means, a value at a split counting as high.
import { describe, expect, it } from 'vitest';
import { quadrantOf } from '../../src/estimate/index.ts';

describe('quadrantOf', () => {
  it('places each corner, and a value at a split on the high side', () => {
    expect(quadrantOf(0.3, 4, 0.25, 3.5)).toBe('strength');
    expect(quadrantOf(0.3, 3, 0.25, 3.5)).toBe('develop');
    expect(quadrantOf(0.1, 4, 0.25, 3.5)).toBe('maintain');
    expect(quadrantOf(0.1, 3, 0.25, 3.5)).toBe('lower');
    expect(quadrantOf(0.25, 3.5, 0.25, 3.5)).toBe('strength');
  });
});
