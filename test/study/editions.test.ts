import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { breakIn, columnIn, comparableAcross, componentsIn, definitionIn, editionRules, existsIn, indicatorExistsIn, parseStudy, type Study } from '../../src/study/index.ts';

const sample = JSON.parse(readFileSync('data/study.json', 'utf8'));

function parsed(mutate: (s: any) => void): { study?: Study; problems: string[] } {
  const copy = structuredClone(sample);
  mutate(copy);
  const result = parseStudy(JSON.stringify(copy));
  return result.ok ? { study: result.study, problems: [] } : { problems: result.problems.map((p) => `${p.path}: ${p.message}`) };
}

const note = { fi: 'Muotoilu muuttui', sv: 'Formuleringen ändrades', en: 'The wording changed' };

describe('existsIn', () => {
  it('is every edition without a span, a run with from/until, the listed years with years', () => {
    expect(existsIn({}, 1999)).toBe(true);
    expect([2023, 2024, 2025, 2026].map((y) => existsIn({ from: 2024, until: 2025 }, y))).toEqual([false, true, true, false]);
    expect([2023, 2024, 2025].map((y) => existsIn({ years: [2023, 2025] }, y))).toEqual([true, false, true]);
  });
});

describe('study.json: editions', () => {
  it('reads spans, renamed columns, codes, breaks and comparability', () => {
    const { study, problems } = parsed((s) => {
      s.items[0].from = 2024;
      s.items[1].until = 2023;
      s.editions = { 2024: { columns: { gov3: 'GOV_3', age: 'ikä', nps: 'suosittelu' }, cantSay: [9], missing: ['NA', 99] }, 2025: { breaks: [{ id: 'gov3', note }], comparable: ['reputation'] } };
    });
    expect(problems).toEqual([]);
    const s = study!;
    const r = editionRules(s, 2024);
    expect([...r.columns]).toEqual([
      ['gov3', 'GOV_3'],
      ['age', 'ikä'],
      ['nps', 'suosittelu'],
    ]);
    expect(r.cantSay).toEqual([9]);
    expect([...r.missing]).toEqual(['NA', '99']);
    expect(editionRules(s, 2023).cantSay).toEqual([6]);
    expect(columnIn(s, 'gov3', 2024)).toBe('GOV_3');
    expect(columnIn(s, 'gov3', 2023)).toBe('gov3');
    expect(columnIn(s, 'age', 2023)).toBe(s.background[0].column);
    expect(breakIn(s, 'gov3', 2025)).toEqual(note);
    expect(breakIn(s, 'gov3', 2024)).toBeUndefined();
    // governance: gov2 until 2023, gov1 from 2024.
    expect(componentsIn(s, 'governance', 2023)).toEqual(['gov2', 'gov3']);
    expect(componentsIn(s, 'governance', 2024)).toEqual(['gov1', 'gov3']);
    expect(indicatorExistsIn(s, 'gov1', 2023)).toBe(false);
    expect(comparableAcross(s, 'governance', 2023, 2024)).toBe(false);
    // gov3 breaks in 2025: neither it nor the dimension built on it compares across the break...
    expect(comparableAcross(s, 'gov3', 2024, 2025)).toBe(false);
    expect(comparableAcross(s, 'gov3', 2022, 2024)).toBe(true);
    expect(comparableAcross(s, 'governance', 2024, 2025)).toBe(false);
    expect(comparableAcross(s, 'gov3', 2023, 2026)).toBe(false);
    // ...but an index declared comparable in 2025 does, and one with the same definition always does.
    expect(definitionIn(s, 'reputation', 2024)).not.toBe(definitionIn(s, 'reputation', 2025));
    expect(comparableAcross(s, 'reputation', 2024, 2025)).toBe(true);
    expect(comparableAcross(s, 'finance', 2022, 2025)).toBe(true);
    expect(comparableAcross(s, 'gov1', 2023, 2024)).toBe(false);
  });

  it('a dimension exists only where one of its items does', () => {
    const { study } = parsed((s) => {
      for (const id of ['gov1', 'gov2', 'gov3']) s.items.find((x: any) => x.id === id).years = [2022];
    });
    expect(indicatorExistsIn(study!, 'governance', 2022)).toBe(true);
    expect(indicatorExistsIn(study!, 'governance', 2023)).toBe(false);
    expect(indicatorExistsIn(study!, 'reputation', 2023)).toBe(true);
  });

  it('names every misuse by its JSON path', () => {
    const { problems } = parsed((s) => {
      s.items[0].years = [2023, 2023];
      s.items[0].from = 2022;
      s.dimensions[0].from = 2025;
      s.dimensions[0].until = 2024;
      s.groups[0].years = [];
      s.background[0].values[0].from = 1800;
      s.items[1].from = 2024;
      s.editions = {
        '24': {},
        2023: {
          columns: { ghost: 'x', gov2: 'GOV2', fin1: 'fin2' },
          cantSay: [3],
          missing: ['', 4, 6, 'NA'],
          breaks: [
            { id: 'gov3', note: { fi: 'x' } },
            { id: 'nope', note },
            { id: 'gov2', note },
          ],
          comparable: ['gov1', 'cx'],
        },
        2022: { breaks: [{ id: 'fin1', note }] },
      };
      s.items.find((x: any) => x.id === 'fin1').from = 2022;
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        'items[0].years[1]: year 2023 is listed twice',
        'items[0].years: give either "years" or "from"/"until", not both',
        'dimensions[0].until: 2024 is before "from" (2025)',
        'groups[0].years: needs at least 1 entry',
        'background[0].values[0].from: must be at least 1900, not 1800',
        'editions.24: must be a year from 1900 to 2999',
        'editions.2023.columns.ghost: unknown variable "ghost": a renamed column belongs to an item id, a background variable id or "nps"',
        'editions.2023.columns.gov2: "gov2" does not exist in 2023 (see its from, until or years)',
        'editions.2023.columns: column "fin2" would be both item "fin1" and item "fin2" in 2023',
        "editions.2023.cantSay[0]: can't-say code 3 lies inside the scale 1–5",
        'editions.2023.missing[0]: a missing-value code cannot be blank (a blank is always "not answered")',
        'editions.2023.missing[1]: missing-value code 4 lies inside the scale 1–5: it would hide real answers',
        'editions.2023.breaks[0].note.en: missing: the study is published in "en" (see "languages"), so every text needs an "en" version',
        'editions.2023.breaks[1].id: unknown item, dimension or index "nope"',
        'editions.2023.breaks[2].id: "gov2" does not exist in 2023 (see its from, until or years)',
        'editions.2022.breaks[0].id: "fin1" exists in no edition before 2022, so there is nothing to break from',
        'editions.2023.comparable[0]: unknown dimension or index "gov1"',
      ]),
    );
    // 6 is no longer a can't-say code in 2023 (cantSay [3] replaces it), so a missing 6 is allowed there.
    expect(problems.some((p) => p.startsWith('editions.2023.missing[2]'))).toBe(false);
    expect(problems.some((p) => p.startsWith('editions.2023.comparable[1]'))).toBe(false);
  });

  it("a missing-value code may not also be a can't-say code of that edition", () => {
    expect(parsed((s) => (s.editions = { 2024: { missing: [6] } })).problems).toEqual(["editions.2024.missing[0]: missing-value code 6 is also a can't-say code of 2024"]);
  });
});
