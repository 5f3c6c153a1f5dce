/**
 * Publication records: what an edition showed when it was published, so that a
 * rebuild can prove it still shows exactly that.
 */

import type { ShareInterval } from '../estimate/share-interval.ts';
import type { Lang } from '../study/schema.ts';

/**
 * What a correction changed, in each report language. A record written before notes
 * had languages holds one text, in a language it does not name.
 */
export type VersionNote = string | Partial<Record<Lang, string>>;

/**
 * The note options of `luotain publish` for a study in `languages`, each with `text`:
 * `--note "…"` in a one-language study, `--note-fi "…" --note-en "…"` in one of more.
 */
export function noteOptions(languages: readonly Lang[], text: string): string {
  if (languages.length <= 1) return `--note "${text}"`;
  return languages.map((lang) => `--note-${lang} "${text}"`).join(' ');
}

/**
 * A note by language: a one-text note of an older record is taken as written in the
 * study's first language (the default one, which it was written for), since the record
 * does not say; the pages mark it as that language wherever they show it.
 */
export function noteByLanguage(note: VersionNote, languages: readonly Lang[]): Partial<Record<Lang, string>> {
  if (typeof note !== 'string') return note;
  const [first] = languages;
  return first ? { [first]: note } : {};
}

/** SHA-256 of each input of an edition. */
export interface InputHashes {
  responses: string;
  study: string;
  benchmarks?: string;
}

export interface PublishedVersion {
  version: string;
  /** Publication date, YYYY-MM-DD. */
  published: string;
  toolVersion: string;
  inputs: InputHashes;
  /** Why this version replaced the previous one (corrections only), in each report language. */
  note?: VersionNote;
  /**
   * How the figures were computed, where Luotain has changed it: the interval
   * of shares. A version without it was published with the symmetric ('wald')
   * interval, as every version was before the logit interval.
   */
  methods?: { shareInterval: ShareInterval };
  /** Every reported figure: "breakdown|domain|indicator|statistic" → value. */
  figures: Record<string, string>;
}

export interface PublicationRecord {
  /**
   * The id of the study it belongs to (study.json's id), so that a record of
   * another study is told from a changed figure. Records written before it
   * was kept have none and are taken as the study's own.
   */
  study?: string;
  edition: number;
  current: PublishedVersion;
  /** Earlier versions, oldest first, without their figures. */
  history: Omit<PublishedVersion, 'figures'>[];
}

/** Significant digits kept of a figure: enough to see any real change, not floating-point noise. */
const DIGITS = 12;

function canonical(value: string): string {
  if (!/^-?\d/.test(value)) return value;
  const x = Number(value);
  return Number.isFinite(x) ? String(Number(x.toPrecision(DIGITS))) : value;
}

/** The figures of an edition as a record stores them, from rows [breakdown, domain, indicator, kind, statistic, value]. */
export function figuresOf(rows: readonly string[][]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [breakdown, domain, indicator, , statistic, value] of rows) out[`${breakdown}|${domain}|${indicator}|${statistic}`] = canonical(value!);
  return out;
}

/** The interval a published version's shares have: its record's, or 'wald' for a record from before records said it. */
export function shareIntervalOf(version: Pick<PublishedVersion, 'methods'>): ShareInterval {
  return version.methods?.shareInterval ?? 'wald';
}

export interface FigureChange {
  key: string;
  old?: string;
  new?: string;
}

/**
 * Whether two recorded figures are the same: equal text, or numbers within 1e-9
 * of each other relative to their size (or 1e-12 apart). A different order of summation moves the
 * last digits of a double; any change that matters is many orders larger.
 */
export function sameFigure(a: string, b: string): boolean {
  if (a === b) return true;
  const x = Number(a);
  const y = Number(b);
  if (!/^-?\d/.test(a) || !/^-?\d/.test(b) || !Number.isFinite(x) || !Number.isFinite(y)) return false;
  return Math.abs(x - y) <= 1e-9 * Math.max(Math.abs(x), Math.abs(y)) + 1e-12;
}

/** Figures that differ between a record and a recomputation (changed, added or gone). */
export function diffFigures(recorded: Record<string, string>, now: Record<string, string>): FigureChange[] {
  const changes: FigureChange[] = [];
  // for … in rather than Object.entries: no pair made for each of tens of thousands of figures.
  for (const key in recorded) {
    const old = recorded[key]!;
    const value = now[key];
    if (value === undefined || !sameFigure(old, value)) changes.push({ key, old, ...(value !== undefined ? { new: value } : {}) });
  }
  for (const key in now) if (!Object.hasOwn(recorded, key)) changes.push({ key, new: now[key]! });
  return changes.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** Compares dotted versions numerically: 1.10 > 1.9. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}

export { isVersion } from '../editorial/version.ts';

/** The record after publishing `next`, of study `study`: the current version moves into the history. */
export function withNewVersion(record: PublicationRecord | undefined, edition: number, next: PublishedVersion, study?: string): PublicationRecord {
  const id = study ?? record?.study;
  const of = id !== undefined ? { study: id } : {};
  if (!record) return { ...of, edition, current: next, history: [] };
  const { figures: _figures, ...previous } = record.current;
  return { ...of, edition, current: next, history: [...record.history, previous] };
}

/**
 * Whether a record belongs to the study `studyId`: its study id is that one,
 * or it has none (written before records kept it).
 */
export function recordOfStudy(record: PublicationRecord, studyId: string): boolean {
  return record.study === undefined || record.study === studyId;
}

/** A record as written to disk: stable key order, one figure per line. */
export function serialiseRecord(record: PublicationRecord): string {
  const figures = Object.keys(record.current.figures)
    .sort()
    .map((k) => `    ${JSON.stringify(k)}: ${JSON.stringify(record.current.figures[k])}`)
    .join(',\n');
  const { figures: _f, ...meta } = record.current;
  const current = JSON.stringify(meta, null, 2).replace(/\n}$/, `,\n  "figures": {\n${figures}\n  }\n}`).replace(/\n/g, '\n  ');
  const study = record.study !== undefined ? `\n  "study": ${JSON.stringify(record.study)},` : '';
  return `{${study}\n  "edition": ${record.edition},\n  "current": ${current},\n  "history": ${JSON.stringify(record.history, null, 2).replace(/\n/g, '\n  ')}\n}\n`;
}
