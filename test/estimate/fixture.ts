import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Design } from '../../src/estimate/index.ts';

export const fixtureDir = (name: string): string => fileURLToPath(new URL(`../fixtures/${name}/`, import.meta.url));

/** A minimal CSV reader for the committed fixtures (quoted fields without commas). */
export function readCsv(path: string): { header: string[]; rows: string[][] } {
  const lines = readFileSync(path, 'utf8').trim().split(/\r?\n/);
  const split = (line: string) => line.split(',').map((cell) => cell.replace(/^"(.*)"$/, '$1'));
  return { header: split(lines[0]), rows: lines.slice(1).map(split) };
}

export interface Respondents {
  id: string[];
  group: string[];
  groups: string[];
  weight: Float64Array;
  q1: Float64Array;
  q2: Float64Array;
  region: string[];
  nps: Float64Array;
  design: Design;
}

/** test/fixtures/r-survey/respondents.csv with 6 (can't say) and blanks as NaN. */
export function loadRespondents(): Respondents {
  const { header, rows } = readCsv(`${fixtureDir('r-survey')}respondents.csv`);
  const col = (name: string) => rows.map((r) => r[header.indexOf(name)]);
  const num = (name: string, cantSay?: number) => Float64Array.from(col(name), (s) => (s === '' || Number(s) === cantSay ? NaN : Number(s)));
  const group = col('group');
  const groups = [...new Set(group)].sort();
  const weight = num('weight');
  return {
    id: col('resp_id'),
    group,
    groups,
    weight,
    q1: num('q1', 6),
    q2: num('q2', 6),
    region: col('region'),
    nps: num('nps'),
    design: { strata: Uint16Array.from(group, (g) => groups.indexOf(g)), weights: weight, strataCount: groups.length },
  };
}

/** 1 where the predicate holds. */
export function domainOf<T>(values: readonly T[], predicate: (v: T) => boolean): Uint8Array {
  return Uint8Array.from(values, (v) => (predicate(v) ? 1 : 0));
}
