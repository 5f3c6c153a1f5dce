// The coding of answers and the rules on codes. Expected values: the loader's
// coding as documented in README ("Answers are integers on the scale, a
// can't-say code, or blank"), the NPS rule of Reichheld (2003), and qnorm(0.975)
// from R 4.2.2 (also Python's statistics.NormalDist().inv_cdf(0.975)).
import { describe, expect, it } from 'vitest';
import { answerCode, BLANK, CANT_SAY, isAnswerCode, itemScores, itemVariable, npsBinScores, npsScore, npsVariable, Z975 } from '../../src/estimate/index.ts';

describe('answer codes', () => {
  it("codes blank, can't say and the scale points as the loader does", () => {
    expect(answerCode(undefined, 1)).toBe(BLANK);
    expect(answerCode('cantSay', 1)).toBe(CANT_SAY);
    expect([1, 2, 3, 4, 5].map((a) => answerCode(a, 1))).toEqual([1, 2, 3, 4, 5]);
    expect([0, 5, 10].map((a) => answerCode(a, 0))).toEqual([1, 6, 11]);
    expect([BLANK, 1, 254, CANT_SAY].map(isAnswerCode)).toEqual([false, true, true, false]);
  });

  it("bins an item: blank, the points, can't say; other codes are left out", () => {
    const v = itemVariable(Uint8Array.of(BLANK, 1, 5, CANT_SAY), 5);
    expect(v.binCount).toBe(7);
    expect([BLANK, 1, 5, CANT_SAY, 6, 100].map((c) => v.bins[c])).toEqual([0, 1, 5, 6, -1, -1]);
  });

  it("scores an item's bins: mean, top box, points and can't say with their bases", () => {
    const s = itemScores(1, 5, 2);
    expect([...s.mean]).toEqual([NaN, 1, 2, 3, 4, 5, NaN]);
    expect([...s.topBox]).toEqual([NaN, 0, 0, 0, 1, 1, NaN]);
    expect([...s.points[2]]).toEqual([NaN, 0, 0, 1, 0, 0, NaN]);
    expect([...s.cantSay]).toEqual([NaN, 0, 0, 0, 0, 0, 1]);
  });
});

describe('the NPS rule', () => {
  it('scores 9–10 +100, 7–8 0, 0–6 −100', () => {
    expect([0, 6, 7, 8, 9, 10].map(npsScore)).toEqual([-100, -100, 0, 0, 100, 100]);
  });

  it('bins the answers (−1 blank) and scores the bins by the same rule', () => {
    const answers = Int8Array.of(-1, 0, 7, 10);
    const v = npsVariable(answers);
    // Each respondent's bin: 0 blank, a + 1 the answer a; the answers are read in place, as bytes.
    expect(Array.from(v.codes, (c) => v.bins[c])).toEqual([0, 1, 8, 11]);
    expect(v.binCount).toBe(12);
    answers[1] = 9;
    expect(v.bins[v.codes[1]]).toBe(10);
    // Every byte an answer can hold, in an array that starts inside its buffer: blank in bin 0, 0–10 in bins 1–11, nothing else counted.
    const all = new Int8Array(300).subarray(3, 259);
    for (let k = 0; k < 256; k++) all[k] = k - 128;
    const u = npsVariable(all);
    for (let k = 0; k < 256; k++) {
      const a = all[k];
      const bin = u.bins[u.codes[k]];
      expect(bin).toBe(a === -1 ? 0 : a >= 0 && a <= 10 ? a + 1 : -1);
    }
    const s = npsBinScores();
    expect([...s.score]).toEqual([NaN, ...[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(npsScore)]);
    expect([...s.promoters].slice(1)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1]);
    expect([...s.passives].slice(1)).toEqual([0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0]);
    expect([...s.detractors].slice(1)).toEqual([1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0]);
  });
});

describe('Z975', () => {
  it("is R's qnorm(0.975) to the last bit", () => {
    expect(Z975).toBe(1.9599639845400536);
  });
});
