import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { parseStudy } from '../../src/study/parse.ts';
import type { Study } from '../../src/study/schema.ts';
import { generateSample } from '../../scripts/generate-sample.ts';
import { DEFAULT_SEED, GROUPS, ITEMS, YEARS } from '../../scripts/sample/config.ts';

const dataDir = new URL('../../data/', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, dataDir), 'utf8');

function loadStudy(): Study {
  const result = parseStudy(read('study.json'));
  if (!result.ok) throw new Error(JSON.stringify(result.problems, null, 2));
  return result.study;
}

const generated = generateSample(DEFAULT_SEED);

function rows(year: number): Record<string, string>[] {
  const parsed = Papa.parse<Record<string, string>>(generated.get(`${year}/responses.csv`)!, { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

describe('the sample study', () => {
  it('has a valid study.json', () => {
    const result = parseStudy(read('study.json'));
    expect(result.ok ? 'ok' : result.problems).toBe('ok');
  });

  it('generates the columns and codes that study.json names', () => {
    const study = loadStudy();
    const header = generated.get('2022/responses.csv')!.split('\n')[0].split(',');
    expect(header).toEqual([
      study.columns.id,
      study.columns.group,
      study.columns.weight,
      ...study.background.map((b) => b.column),
      ...study.items.map((i) => i.id),
      study.nps!.column,
      study.nps!.reason,
    ]);
    expect(ITEMS.map((i) => i.id)).toEqual(study.items.map((i) => i.id));
    expect(GROUPS.map((g) => g.code)).toEqual(study.groups.map((g) => g.code));
    for (const year of YEARS) {
      for (const row of rows(year)) {
        for (const b of study.background) {
          if (row[b.column] !== '') expect(b.values.map((v) => v.code)).toContain(row[b.column]);
        }
      }
    }
  });

  it('is deterministic', () => {
    const again = generateSample(DEFAULT_SEED);
    expect([...again.keys()]).toEqual([...generated.keys()]);
    for (const [path, text] of generated) expect(again.get(path) === text, path).toBe(true);
    const other = generateSample(DEFAULT_SEED + 1);
    expect(other.get('2024/responses.csv') === generated.get('2024/responses.csv')).toBe(false);
  });

  it('matches the committed data files (regenerate with npm run generate-sample, never edit by hand)', () => {
    for (const [path, text] of generated) expect(read(path) === text, `data/${path} differs from the generator's output`).toBe(true);
  });

  it('has 2,000–4,000 respondents per edition, unique ids and a community group near the reporting base', () => {
    for (const year of YEARS) {
      const data = rows(year);
      expect(data.length).toBeGreaterThanOrEqual(2000);
      expect(data.length).toBeLessThanOrEqual(4000);
      expect(new Set(data.map((r) => r.resp_id)).size).toBe(data.length);
      for (const r of data) expect(r.resp_id).toMatch(new RegExp(`^R${year}-\\d{5}$`));
      const community = data.filter((r) => r.group === 'community').length;
      expect(community).toBeGreaterThanOrEqual(20);
      expect(community).toBeLessThanOrEqual(50);
    }
  });

  it("writes answers on the 1–5 scale with can't say as 6, NPS 0–10 and weights 1 outside the general public", () => {
    for (const year of YEARS) {
      for (const r of rows(year)) {
        for (const item of ITEMS) expect(r[item.id]).toMatch(/^([1-6])?$/);
        expect(r.nps).toMatch(/^(\d|10)?$/);
        expect(r.weight).toMatch(/^\d+(\.\d{1,4})?$/);
        const w = Number(r.weight);
        if (r.group === 'public') {
          expect(w).toBeGreaterThanOrEqual(0.4);
          expect(w).toBeLessThanOrEqual(2.5);
        } else expect(w).toBe(1);
      }
    }
  });

  it('has a benchmark file with the expected columns', () => {
    const parsed = Papa.parse<Record<string, string>>(generated.get('benchmarks.csv')!, { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual(['year', 'indicator', 'group', 'mean', 'sd', 'n']);
    const study = loadStudy();
    const known = new Set([...study.indices.map((x) => x.id), ...study.dimensions.map((x) => x.id), 'nps']);
    for (const row of parsed.data) {
      expect(known.has(row.indicator), row.indicator).toBe(true);
      expect(['', 'public', 'private', 'business']).toContain(row.group);
      expect(Number.isFinite(Number(row.mean))).toBe(true);
    }
    expect(parsed.data.some((r) => r.sd === '' && r.n === '')).toBe(true);
    expect(parsed.data.some((r) => r.sd !== '' && r.n !== '')).toBe(true);
  });
});
