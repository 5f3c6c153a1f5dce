/**
 * Builders for model tests: a small study and editions constructed in code, so each
 * test states the answers it is about.
 */
import type { BenchmarkRow, EditionData, ItemAnswers } from '../../src/load/types.ts';
import { studySchema, type Study, type StudyInput } from '../../src/study/schema.ts';
import type { Editorial } from '../../src/model/types.ts';
import type { Lang } from '../../src/study/schema.ts';
import { assembleReport, type ReportInput } from '../../src/model/assemble-report.ts';
import type { ReportModel } from '../../src/model/types.ts';
import { answerCode } from '../../src/estimate/coding.ts';

const label = (s: string) => ({ fi: s, en: s });

/**
 * The test study: groups A–D; scale 1–5 with can't-say 6 and top-2 box; items
 * q1–q5, y1, y2; dimensions d3 = q1–q3 (needs 2 answers) and d2 = q4–q5 (needs 1);
 * indices idx = d3, d2 and sup = y1, y2; an NPS; background region n/s; drivers
 * sup on q1, q4, q5; the sample study's bands.
 */
export function testStudy(overrides: Partial<StudyInput> = {}): Study {
  const input: StudyInput = {
    id: 'model-test',
    title: label('Model test'),
    organisation: label('Org'),
    languages: ['fi', 'en'],
    columns: { id: 'id', group: 'group', weight: 'w' },
    scale: { min: 1, max: 5, cantSay: [6], topBox: 2 },
    bands: [
      { id: 'excellent', min: 4, label: label('Excellent'), colour: '#1d4e89' },
      { id: 'good', min: 3.5, label: label('Good'), colour: '#8cbfe6' },
      { id: 'moderate', min: 3, label: label('Moderate'), colour: '#ddd5c4' },
      { id: 'weak', min: 2.5, label: label('Weak'), colour: '#f4a261' },
      { id: 'very-weak', label: label('Very weak'), colour: '#b8430f' },
    ],
    groups: ['A', 'B', 'C', 'D'].map((code) => ({ code, label: label(`Group ${code}`) })),
    background: [
      {
        id: 'region',
        column: 'region',
        label: label('Region'),
        values: [
          { code: 'n', label: label('North') },
          { code: 's', label: label('South') },
        ],
      },
    ],
    items: ['q1', 'q2', 'q3', 'q4', 'q5', 'y1', 'y2'].map((id) => ({ id, label: label(id) })),
    dimensions: [
      { id: 'd3', label: label('Three items'), items: ['q1', 'q2', 'q3'] },
      { id: 'd2', label: label('Two items'), items: ['q4', 'q5'] },
    ],
    indices: [
      { id: 'idx', label: label('Index'), dimensions: ['d3', 'd2'] },
      { id: 'sup', label: label('Support'), items: ['y1', 'y2'] },
    ],
    nps: { column: 'nps' },
    drivers: { outcome: 'sup', predictors: ['q1', 'q4', 'q5'] },
    minBase: 5,
    ...overrides,
  };
  return studySchema.parse(input);
}

/** An answer: a scale value, 'cs' (can't say, code 6) or '' (blank). */
export type Answer = number | 'cs' | '';

export interface Row {
  group: string;
  weight?: number;
  /** Answers by item id; an item not given is blank. */
  a?: Record<string, Answer>;
  nps?: number;
  region?: string;
}

/** An edition's columnar data from rows, as the loader would give it. */
export function edition(study: Study, year: number, rows: readonly Row[]): EditionData {
  const n = rows.length;
  const items = new Map<string, ItemAnswers>();
  for (const item of study.items) {
    const codes = Uint8Array.from(rows, (r) => {
      const v = r.a?.[item.id] ?? '';
      return answerCode(v === '' ? undefined : v === 'cs' ? 'cantSay' : v, study.scale.min);
    });
    items.set(item.id, { codes });
  }
  const background = new Map<string, Int16Array>();
  for (const bg of study.background) {
    background.set(
      bg.id,
      Int16Array.from(rows, (r) => bg.values.findIndex((v) => v.code === r.region)),
    );
  }
  const group = Uint16Array.from(rows, (r) => {
    // Without groups everyone is in the one sample, stratum 0.
    if (study.groups.length === 0) return 0;
    const g = study.groups.findIndex((x) => x.code === r.group);
    if (g < 0) throw new Error(`no group ${r.group}`);
    return g;
  });
  return {
    year,
    file: `data/${year}/responses.csv`,
    n,
    group,
    weight: Float64Array.from(rows, (r) => r.weight ?? 1),
    items,
    ...(study.nps ? { nps: Int8Array.from(rows, (r) => r.nps ?? -1) } : {}),
    background,
    rows: { read: n, used: n, rejected: 0 },
  };
}

/** An item's answers as scale values (NaN for blank and can't say), decoded here independently of the loader. */
export function valuesOf(study: Study, data: EditionData, item: string): Float64Array {
  const points = study.scale.max - study.scale.min + 1;
  return Float64Array.from(data.items.get(item)!.codes, (c) => (c >= 1 && c <= points ? c - 1 + study.scale.min : Number.NaN));
}

/** `k` rows of one group with the same answers. */
export function repeat(k: number, row: Row): Row[] {
  return Array.from({ length: k }, () => row);
}

export function editorial(title = 'T', status: 'draft' | 'published' = 'draft'): Editorial {
  return { meta: { title, status, version: '0.1' }, summaryHtml: '', sections: {} };
}

/** A whole report of the given editions (each with editorial content), built on a fixed date. */
export function report(study: Study, editions: EditionData[], options: { benchmarks?: BenchmarkRow[]; publications?: ReportInput['publications'] } = {}): ReportModel {
  const editorials = new Map<number, Partial<Record<Lang, Editorial>>>(editions.map((e) => [e.year, { fi: editorial(), en: editorial() }]));
  return assembleReport({
    study,
    editions,
    benchmarks: options.benchmarks ?? [],
    editorials,
    inputHashes: new Map(editions.map((e) => [e.year, `hash${e.year}`])),
    ...(options.publications ? { publications: options.publications } : {}),
    toolVersion: '0.0.0-test',
    builtOn: '2026-01-15',
  });
}

/** A deterministic pseudo-random generator (mulberry32), for reproducible synthetic data. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
