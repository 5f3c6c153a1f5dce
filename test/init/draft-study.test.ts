import { describe, expect, it } from 'vitest';
import { type ColumnMeta, emptyMeta, TableProfiler } from '../../src/init/column-profile.ts';
import { draftBands } from '../../src/init/draft-bands.ts';
import { draftStudy } from '../../src/init/draft-study.ts';
import { jsonText } from '../../src/init/json-text.ts';
import { bestFit, CANT_SAY_LABEL, labelFit, rangeText } from '../../src/init/scale-fit.ts';
import type { TableRead } from '../../src/init/table.ts';
import { parseStudy } from '../../src/study/parse.ts';

/** A table of named columns from their values, row by row. */
function table(columns: Record<string, (string | number)[]>, metas: Record<string, Partial<ColumnMeta>> = {}): TableRead {
  const names = Object.keys(columns);
  const profiler = new TableProfiler(names.map((name) => ({ name, meta: { ...emptyMeta(), ...metas[name] } })));
  const rows = Math.max(...names.map((n) => columns[n].length));
  for (let r = 0; r < rows; r++) profiler.row(names.map((n) => String(columns[n][r] ?? '')));
  return { format: 'csv', rows, columns: profiler.profiles, notes: [] };
}

const column = (values: (string | number)[], meta: Partial<ColumnMeta> = {}) => table({ x: values }, { x: meta }).columns[0];
const cycle = <T extends string | number>(codes: T[], n = 40): T[] => Array.from({ length: n }, (_, i) => codes[i % codes.length]);
const draft = (t: TableRead) => draftStudy(t, { languages: ['fi', 'en'], languagesGiven: false, name: 'kysely-2025', schema: '../study.schema.json' });

describe('the scale of a column', () => {
  it('from its values: the range whose top is used, then its bottom, then the fewest codes outside, then the narrowest', () => {
    const scaleOf = (values: number[]) => {
      const f = bestFit(column(values));
      return f && `${rangeText(f.range)} [${f.cantSay.map((c) => c.code).join(',')}]`;
    };
    expect(scaleOf(cycle([1, 2, 3, 4, 5]))).toBe('1–5 []');
    expect(scaleOf(cycle([1, 2, 3, 4, 5, 6]))).toBe('1–5 [6]');
    expect(scaleOf(cycle([0, 1, 2, 3, 4, 5]))).toBe('1–5 [0]');
    expect(scaleOf(cycle([1, 2, 3, 4, 5, 9]))).toBe('1–5 [9]');
    expect(scaleOf(cycle([1, 3, 5, 99]))).toBe('1–5 [99]');
    expect(scaleOf(cycle([1, 2, 4, 7]))).toBe('1–7 []');
    expect(scaleOf(cycle([0, 3, 7, 10]))).toBe('0–10 []');
    expect(scaleOf(cycle([2, 5, 8, 10]))).toBe('1–10 []');
    // Two values, a top never used, a code that is no can't-say code, or text: no scale.
    expect(scaleOf(cycle([0, 1]))).toBeUndefined();
    expect(scaleOf(cycle([1, 2, 3, 4]))).toBeUndefined();
    expect(scaleOf(cycle([1, 2, 3, 4, 5, 8]))).toBeUndefined();
    expect(bestFit(column(['a', 'b', 'c']))).toBeUndefined();
  });

  it("from its value labels: the labelled points, the codes labelled can't say, user-missing codes left out", () => {
    const labels = new Map([
      ['1', 'Täysin eri mieltä'],
      ['5', 'Täysin samaa mieltä'],
      ['6', 'En osaa sanoa'],
      ['9', 'Eos'],
    ]);
    const f = labelFit(column(cycle([1, 2, 3, 4, 5, 6]), { valueLabels: labels, missing: { values: ['9'] }, numeric: true }));
    expect(f).toEqual({ range: [1, 5], cantSay: [{ code: 6, label: 'En osaa sanoa', count: 6 }], source: 'labels' });
    // A value neither on the labelled scale nor labelled can't say: not a fit by labels.
    expect(labelFit(column(cycle([1, 2, 7]), { valueLabels: labels, numeric: true }))).toBeUndefined();
  });

  it("knows can't-say labels in Finnish, Swedish and English, and not other labels", () => {
    for (const text of ['En osaa sanoa', 'EOS', 'eos', 'Kan inte säga', 'Vet inte', "Don't know", 'Don’t know', "Can't say", 'Not sure', '6 = en osaa sanoa'])
      expect(CANT_SAY_LABEL.test(text), text).toBe(true);
    for (const text of ['Täysin samaa mieltä', 'Erittäin hyvä', 'Knows', 'Geos', 'Unsure of nothing', 'Osaa sanoa']) expect(CANT_SAY_LABEL.test(text), text).toBe(false);
  });
});

describe('the standard bands', () => {
  it('on 1–5 as they are, and in proportion on other scales (1 + (x − 1) × (max − min) / 4, to two decimals)', () => {
    const mins = (min: number, max: number) => draftBands([min, max], ['en']).map((b) => b.min);
    expect(mins(1, 5)).toEqual([4, 3.5, 3, 2.5, undefined]);
    expect(mins(1, 7)).toEqual([5.5, 4.75, 4, 3.25, undefined]);
    expect(mins(0, 10)).toEqual([7.5, 6.25, 5, 3.75, undefined]);
    // 7.75, 6.625, 5.5, 4.375
    expect(mins(1, 10)).toEqual([7.75, 6.63, 5.5, 4.38, undefined]);
  });
});

describe('draftStudy', () => {
  const base = {
    id: Array.from({ length: 40 }, (_, i) => `R${100 + i}`),
    q1: cycle([1, 2, 3, 4, 5, 6]),
    q2: cycle([2, 3, 4, 5, 1]),
  };

  it('a weight by its name, or by positive non-integers with a mean of about 1; not other numbers', () => {
    expect(draft(table({ ...base, paino: cycle([1, 2, 3]) })).study.columns).toEqual({ id: 'id', weight: 'paino' });
    expect(draft(table({ ...base, k: cycle([0.8, 1.2, 0.95, 1.05]) })).study.columns).toEqual({ id: 'id', weight: 'k' });
    expect(draft(table({ ...base, income: cycle([1200.5, 3400.25]) })).study.columns).toEqual({ id: 'id' });
    // A named weight with a zero is not one: check would refuse it.
    expect(draft(table({ ...base, weight: cycle([0, 1.5]) })).study.columns).toEqual({ id: 'id' });
  });

  it('a group only by its name and with a code on every row; background from the other few-valued columns', () => {
    const d = draft(table({ ...base, segment: cycle(['a', 'b']), region: cycle(['north', 'south', 'east']) }));
    expect(d.study.columns).toEqual({ id: 'id', group: 'segment' });
    expect(d.study.groups).toEqual([
      { code: 'a', label: { fi: 'a', en: 'a' } },
      { code: 'b', label: { fi: 'b', en: 'b' } },
    ]);
    expect((d.study.background as { id: string; values: { code: string }[] }[]).map((b) => [b.id, b.values.map((v) => v.code)])).toEqual([['region', ['east', 'north', 'south']]]);
    const blank = draft(table({ ...base, segment: [...cycle(['a', 'b'], 39), ''] }));
    expect(blank.study.columns).toEqual({ id: 'id' });
    expect(blank.guesses).toContain('Group: none ("segment" is named like one but has blanks or too many codes); the study is one sample.');
  });

  it('an id by its name, else a column of whole numbers different on every row; none when values repeat', () => {
    expect(draft(table({ ...base })).study.columns).toEqual({ id: 'id' });
    expect(draft(table({ nro: Array.from({ length: 40 }, (_, i) => i + 1), q1: base.q1, q2: base.q2 })).study.columns).toEqual({ id: 'nro' });
    expect(draft(table({ id: cycle([1, 2, 3]), q1: base.q1, q2: base.q2 })).study.columns).toEqual({});
  });

  it('a column rated on another scale than most is left out and named in the review', () => {
    const d = draft(table({ ...base, q3: cycle([1, 3, 5]), score: cycle([0, 4, 8, 10]) }));
    expect(d.study.scale).toEqual({ min: 1, max: 5, cantSay: [6], topBox: 2 });
    expect((d.study.items as { id: string }[]).map((x) => x.id)).toEqual(['q1', 'q2', 'q3']);
    expect(d.review).toContain('"score" looks like ratings on 0–10, another scale than the study\'s 1–5: left out.');
  });

  it('writes a definition that the study parser accepts, with every label in every language', () => {
    const d = draft(table({ ...base, ryhmä: cycle(['A', 'B']), nps: cycle([0, 5, 9, 10]), why: cycle(['hyvä', 'huono']) }));
    const parsed = parseStudy(jsonText(d.study));
    expect(parsed.ok && parsed.study.items.map((x) => x.label)).toEqual([
      { fi: 'q1', en: 'q1' },
      { fi: 'q2', en: 'q2' },
    ]);
    expect(d.study.nps).toEqual({ column: 'nps', reason: 'why' });
    expect(d.study.id).toBe('kysely-2025');
    expect(d.study.title).toEqual({ fi: 'Kysely 2025', en: 'Kysely 2025' });
    expect(d.study.organisation).toEqual({ fi: 'Organisaatio', en: 'Organisation' });
  });
});

describe('jsonText', () => {
  it('reads back as the same value, text with quotes, colons and commas too; short objects stay on one line', () => {
    const value = { a: { fi: 'x", "y": 1', en: 'b' }, list: [1, 2, { c: null }], long: 'z'.repeat(200), empty: {} };
    const text = jsonText(value);
    expect(JSON.parse(text)).toEqual(value);
    expect(text.split('\n')[1]).toBe('  "a": { "fi": "x\\", \\"y\\": 1", "en": "b" },');
  });
});
