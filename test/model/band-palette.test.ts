import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultBandColour } from '../../src/model/band-palette.ts';
import { luminance, textColourFor } from '../../src/model/contrast.ts';

const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
};

describe('defaultBandColour', () => {
  it("gives five bands the sample study's colours, from the highest band's blue to the lowest's orange-red", () => {
    const sample = JSON.parse(readFileSync('data/study.json', 'utf8')).bands.map((b: { colour: string }) => b.colour);
    expect([0, 1, 2, 3, 4].map((i) => defaultBandColour(i, 5))).toEqual(sample);
  });

  it('spaces other counts evenly along the same ramp (values worked out by hand from the stops)', () => {
    expect(defaultBandColour(0, 1)).toBe('#1d4e89');
    expect([0, 1].map((i) => defaultBandColour(i, 2))).toEqual(['#1d4e89', '#b8430f']);
    expect([0, 1, 2].map((i) => defaultBandColour(i, 3))).toEqual(['#1d4e89', '#ddd5c4', '#b8430f']);
    // 4 bands: stops at 0, 4/3, 8/3 and 4 on the five-colour ramp; 4/3 is a third of the way from #8cbfe6 to #ddd5c4.
    expect(defaultBandColour(1, 4)).toBe('#a7c6db');
    expect(defaultBandColour(3, 4)).toBe('#b8430f');
  });

  it('leaves text on every default colour readable (WCAG 4.5:1) with the text colour chosen by contrast', () => {
    for (let n = 1; n <= 9; n++) {
      for (let i = 0; i < n; i++) {
        const colour = defaultBandColour(i, n);
        expect(contrast(colour, textColourFor(colour)), `${i} of ${n}: ${colour}`).toBeGreaterThanOrEqual(4.5);
      }
    }
  });
});
