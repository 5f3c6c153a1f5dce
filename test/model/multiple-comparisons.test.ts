/**
 * Benjamini–Hochberg adjusted significance of an edition's changes (study option
 * multipleComparisons): the adjusted p of every change is p.adjust(method = "BH")
 * over all the edition's tested changes (the function itself is checked against R
 * in test/compare/benjamini-hochberg.test.ts); nothing else moves, and without the
 * option the model has no trace of it.
 */
import { describe, expect, it } from 'vitest';
import { benjaminiHochberg } from '../../src/compare/index.ts';
import type { ReportModel } from '../../src/model/types.ts';
import { editionFigures } from '../../src/publish/figures.ts';
import { methodParagraphs, testCountSentences, testCounts } from '../../src/site/method.ts';
import { studySchema, type StudyInput } from '../../src/study/schema.ts';
import { edition, report, type Row } from './build.ts';

const label = (s: string) => ({ fi: s, en: s });

function study(overrides: Partial<StudyInput> = {}) {
  return studySchema.parse({
    id: 'bh',
    title: label('BH'),
    organisation: label('Org'),
    languages: ['fi', 'en'],
    columns: { group: 'group' },
    scale: { min: 1, max: 5 },
    bands: [
      { id: 'high', min: 3, label: label('high'), colour: '#1d4e89' },
      { id: 'low', label: label('low'), colour: '#b8430f' },
    ],
    groups: ['A', 'B'].map((code) => ({ code, label: label(code) })),
    items: ['q1', 'q2', 'q3', 'q4', 'q5', 'q6'].map((id) => ({ id, label: label(id) })),
    minBase: 5,
    ...overrides,
  });
}

/** 40 respondents per group; in the later edition item k moves up by about k/6 of a point, so the p-values range from large to tiny. */
function rows(shift: boolean): Row[] {
  return ['A', 'B'].flatMap((group) =>
    Array.from({ length: 40 }, (_, i) => ({
      group,
      a: Object.fromEntries([1, 2, 3, 4, 5, 6].map((k) => [`q${k}`, Math.min(5, 1 + ((i * k + (group === 'B' ? 1 : 0)) % 4) + (shift && i % 6 < k ? 1 : 0))])),
    })),
  );
}

const build = (overrides: Partial<StudyInput> = {}): ReportModel => {
  const s = study(overrides);
  return report(s, [edition(s, 2024, rows(false)), edition(s, 2025, rows(true))]);
};
const plain = build();
const adjusted = build({ multipleComparisons: 'benjamini-hochberg' });
const changes = (m: ReportModel) => m.editions[1]!.indicators.flatMap((x) => Object.values(x.stats).flatMap((s) => (s.previous ? [s.previous] : [])));

describe('multipleComparisons: benjamini-hochberg', () => {
  it('is off by default: no adjusted p in the model, significance at p < 0.05', () => {
    expect(plain.study.multipleComparisons).toBeUndefined();
    for (const c of changes(plain)) {
      expect(c.adjustedP).toBeUndefined();
      expect(c.significant).toBe(c.p < 0.05);
    }
  });

  it("gives every change the BH adjusted p over all the edition's changes, and significance by it", () => {
    const all = changes(adjusted);
    // 6 items in the total and 2 groups.
    expect(all).toHaveLength(18);
    const expected = benjaminiHochberg(all.map((c) => c.p));
    all.forEach((c, i) => {
      expect(c.adjustedP).toBe(expected[i]);
      expect(c.significant).toBe(expected[i]! < 0.05);
    });
    // The data make the adjustment matter: some changes significant at p < 0.05 are not after it, and some stay significant.
    expect(all.some((c) => c.p < 0.05 && !c.significant)).toBe(true);
    expect(all.some((c) => c.significant)).toBe(true);
  });

  it('changes nothing else: differences, z and p are those of the unadjusted model', () => {
    const before = changes(plain);
    changes(adjusted).forEach((c, i) => {
      const { adjustedP: _, significant: __, ...rest } = c;
      const { significant: ___, ...was } = before[i]!;
      expect(rest).toEqual(was);
    });
    // The publication record adds the adjusted p and keeps every other row.
    const rowsOf = (m: ReportModel) => editionFigures(m, m.editions[1]!).filter((r) => r[4] !== 'change.adjusted_p' && r[4] !== 'change.significant');
    expect(rowsOf(adjusted)).toEqual(rowsOf(plain));
    expect(editionFigures(adjusted, adjusted.editions[1]!).filter((r) => r[4] === 'change.adjusted_p')).toHaveLength(18);
  });

  it('the method text says how many tests were made, what chance would give, and how significance is adjusted', () => {
    expect(testCounts(adjusted.editions[1]!)).toEqual({ changeTests: 18, benchmarkTests: 0 });
    const text = (m: ReportModel, lang: 'fi' | 'en') =>
      methodParagraphs(m, m.editions[1]!, lang)
        .flatMap((b) => b.paragraphs)
        .join('\n');
    // 0.05 · 18 = 0.9: fewer than one.
    expect(text(plain, 'en')).toContain(
      'This edition tests 18 changes from the previous edition. Even if there were no real differences at all, chance alone would make fewer than one of them significant at p < 0.05 on average.',
    );
    expect(text(plain, 'en')).toContain('with no correction for the number of tests');
    expect(text(plain, 'en')).not.toContain('Benjamini');
    expect(text(adjusted, 'en')).toContain('by the Benjamini–Hochberg method: a change is significant when its adjusted p-value is below 0.05');
    expect(text(adjusted, 'en')).not.toContain('with no correction for the number of tests');
    expect(text(adjusted, 'fi')).toContain('Tässä tutkimuksessa testataan 18 muutosta edellisestä tutkimuksesta.');
    expect(text(adjusted, 'fi')).toContain('Benjaminin–Hochbergin menetelmällä');
  });
});

describe('testCountSentences', () => {
  it('says 0.05 · tests as a whole number, "one" in its singular form, "fewer than one" below one, in each language', () => {
    expect(testCountSentences({ changeTests: 150, benchmarkTests: 10 }, 'en')).toEqual([
      'This edition tests 150 changes from the previous edition.',
      'Even if there were no real differences at all, about 8 of them would be significant at p < 0.05 by chance alone.',
      '10 differences from the benchmark are tested.',
      'Even if there were no real differences at all, chance alone would make fewer than one of them significant at p < 0.05 on average.',
    ]);
    // 0.05 · 20 = 1, 0.05 · 30 = 1.5 → 2.
    expect(testCountSentences({ changeTests: 20, benchmarkTests: 1 }, 'en')).toEqual([
      'This edition tests 20 changes from the previous edition.',
      'Even if there were no real differences at all, about one of them would be significant at p < 0.05 by chance alone.',
      'One difference from the benchmark is tested.',
      'Even if there were no real differences at all, chance alone would make fewer than one of them significant at p < 0.05 on average.',
    ]);
    expect(testCountSentences({ changeTests: 30, benchmarkTests: 0 }, 'fi')).toEqual([
      'Tässä tutkimuksessa testataan 30 muutosta edellisestä tutkimuksesta.',
      'Vaikka todellisia eroja ei olisi lainkaan, niistä noin 2 olisi sattumalta merkitseviä tasolla p < 0,05.',
    ]);
    expect(testCountSentences({ changeTests: 1, benchmarkTests: 0 }, 'sv')).toEqual([
      'I denna undersökning testas en förändring från föregående undersökning.',
      'Även om det inte fanns några verkliga skillnader alls skulle slumpen i genomsnitt göra färre än en av dem signifikant på nivån p < 0,05.',
    ]);
    expect(testCountSentences({ changeTests: 0, benchmarkTests: 0 }, 'en')).toEqual([]);
  });
});
