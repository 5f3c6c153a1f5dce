/**
 * The in-place row reader proven against the validating one: on generated
 * rows (valid and invalid answers, blanks, can't-say codes, long digit runs,
 * signs, spaces, decimal commas, unknown and padded codes, repeated ids),
 * InPlaceReader either declines a row or gives exactly what RowReader gives
 * for its fields: the same values, the same ids registered and weights noted,
 * so the same issues for the rows after it. Fixed seeds.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planColumns } from '../../src/load/column-plan.ts';
import { ColumnStore } from '../../src/load/column-store.ts';
import { IdRegistry } from '../../src/load/id-registry.ts';
import { InPlaceReader } from '../../src/load/in-place-reader.ts';
import { IssueList } from '../../src/load/issue-list.ts';
import { ResponsePositions, responseColumns, unusedResponseColumns } from '../../src/load/response-columns.ts';
import { RowReader, type RowReaderContext } from '../../src/load/row-reader.ts';
import { RowRules } from '../../src/load/row-rules.ts';
import { WeightFormats } from '../../src/load/weight-format.ts';
import type { Study } from '../../src/study/schema.ts';
import { FILE, HEADER, study } from './helpers.ts';

const SEED = 20_261_128;

/** The fixture study; one on a 0–10 scale with two-digit can't-say codes; one without id and weight columns. */
const ONE_TO_FIVE = ['', '1', '2', '3', '4', '5', '6'];
const STUDIES: [string, Study, string[]][] = [
  ["the fixture study (1–5, can't say 6)", study, ONE_TO_FIVE],
  ["a 0–10 scale with can't-say codes 98 and 99", { ...study, scale: { ...study.scale, min: 0, max: 10, cantSay: [98, 99] } }, ['', '0', '1', '5', '9', '10', '98', '99']],
  ['no id and no weight column', { ...study, columns: { group: 'group' } }, ONE_TO_FIVE],
];

function context(s: Study, decimalComma: boolean): RowReaderContext {
  const issues = new IssueList(FILE, 1000);
  const plan = planColumns(HEADER.split(','), 1, undefined, responseColumns(s), issues, unusedResponseColumns);
  return {
    rules: new RowRules(s, decimalComma),
    positions: new ResponsePositions(s, plan),
    issues,
    ids: new IdRegistry(),
    weights: new WeightFormats(1000),
    store: new ColumnStore(s.items.length, s.nps !== undefined, s.background.length),
  };
}

/** A row's values at a slot of the store. */
function slotOf(store: ColumnStore, slot: number) {
  return {
    group: store.group[slot],
    weight: store.weight[slot],
    nps: store.nps?.[slot],
    codes: store.codes.map((c) => c[slot]),
    background: store.background.map((b) => b[slot]),
  };
}

/** Mostly a value of the common form, now and then anything. */
const mostly = (common: string[], any: string[]) => fc.oneof({ weight: 14, arbitrary: fc.constantFrom(...common) }, { weight: 1, arbitrary: fc.constantFrom(...any) });
const rowArb = (answers: string[]) =>
  fc.record({
    id: mostly(['r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7', 'r8', 'r9', 'r10', 'r11', 'r12', 'R1'], [' r4', 'r5 ', '', 'ä1', 'x y', 'r\u00a0', '-']),
    group: mostly(['A', 'B', 'C'], [' B', 'C ', '', 'D', 'a', 'AB']),
    weight: mostly(
      ['1', '2', '0.5', '1,5', '0,862', '1.371', '1,371', '2.000', '123456789012345'],
      ['0', '0.0', '-1', '+1', '', ' 2 ', '1e3', '1 371', '1.371.000', '0123', '1234567890123456', '1.', '.5', ',5', 'x'],
    ),
    items: fc.array(mostly(answers, ['0', '6', '7', '10', '11', '98', '99', '01', '05', '00', '010', '123', '3.0', '3,0', '-1', '+2', ' 3', '3 ', ' ', '1e0', '٣', 'x']), {
      minLength: 4,
      maxLength: 4,
    }),
    nps: mostly(['', '0', '7', '9', '10'], ['11', '01', '010', '-0', '+5', '10.0', '5,0', ' 7', 'a']),
    reason: fc.constantFrom('', 'hyvä', ' ok ', 'x'.repeat(30)),
    age: mostly(['', '1', '2', '3'], ['4', ' 1', '01', 'x']),
    region: mostly(['', 'uusimaa', 'muu'], [' muu', 'MUU', 'muu ']),
  });

describe('InPlaceReader declines a row or reads it as RowReader does', () => {
  for (const [name, s, answers] of STUDIES) {
    it(name, () => {
      let taken = 0;
      let declined = 0;
      fc.assert(
        fc.property(fc.array(rowArb(answers), { minLength: 1, maxLength: 30 }), fc.boolean(), (rows, decimalComma) => {
          const a = context(s, decimalComma);
          const b = context(s, decimalComma);
          const validating = new RowReader(a);
          const fallback = new RowReader(b);
          const inPlace = new InPlaceReader(b);
          let slot = 0;
          rows.forEach((row, i) => {
            const line = i + 2;
            const fields = [row.id, row.group, row.weight, ...row.items, row.nps, row.reason, row.age, row.region];
            const text = fields.join('|');
            const starts = new Int32Array(fields.length);
            const ends = new Int32Array(fields.length);
            const firsts = new Int32Array(fields.length);
            let at = 0;
            fields.forEach((f, k) => {
              starts[k] = at;
              ends[k] = at + f.length;
              firsts[k] = f === '' ? -1 : f.charCodeAt(0);
              at += f.length + 1;
            });
            const ok = validating.read(fields, line, slot);
            if (inPlace.read(text, starts, ends, firsts, line, slot)) {
              taken++;
              expect(ok).toBe(true);
            } else {
              declined++;
              expect(fallback.read(fields, line, slot)).toBe(ok);
            }
            if (ok) {
              expect(slotOf(b.store, slot)).toEqual(slotOf(a.store, slot));
              slot++;
            }
          });
          a.weights.finish(a.issues, s.columns.weight);
          b.weights.finish(b.issues, s.columns.weight);
          expect(b.issues.all()).toEqual(a.issues.all());
          expect(b.ids.size).toBe(a.ids.size);
        }),
        { seed: SEED, numRuns: 300 },
      );
      // Both paths were taken often enough to mean something.
      expect(taken).toBeGreaterThan(200);
      expect(declined).toBeGreaterThan(200);
    });
  }

  it('takes the common row', () => {
    const c = context(study, false);
    const fields = ['r1', 'B', '0.5', '1', '5', '6', '', '10', 'hyvä', '2', 'muu'];
    const text = fields.join(',');
    let at = 0;
    const starts = Int32Array.from(fields, (f) => ((at += f.length + 1), at - f.length - 1));
    const ends = Int32Array.from(fields, (f, k) => starts[k] + f.length);
    const firsts = Int32Array.from(fields, (f) => (f === '' ? -1 : f.charCodeAt(0)));
    expect(new InPlaceReader(c).read(text, starts, ends, firsts, 2, 0)).toBe(true);
    expect(slotOf(c.store, 0)).toEqual({ group: 1, weight: 0.5, nps: 10, codes: [1, 5, 255, 0], background: [1, 1] });
  });
});
