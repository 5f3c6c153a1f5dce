import type { Study } from '../study/schema.ts';
import { CANT_SAY, MAX_SCALE_POINTS } from './types.ts';
import type { InputIssue } from '../issues/input-issue.ts';
import type { EditionPlan } from './edition-plan.ts';

/**
 * Codes matched in place, as text: only those a trimmed field can equal
 * exactly (not blank, no surrounding white space), with their values.
 */
export class ExactCodes {
  private readonly codes: readonly string[];
  private readonly values: Int32Array;

  constructor(index: ReadonlyMap<string, number>) {
    const entries = [...index].filter(([code]) => code !== '' && code === code.trim());
    this.codes = entries.map(([code]) => code);
    this.values = Int32Array.from(entries, ([, v]) => v);
  }

  /** The value of the code equal to text[from, to), or -1. */
  match(text: string, from: number, to: number): number {
    const codes = this.codes;
    const n = to - from;
    next: for (let c = 0; c < codes.length; c++) {
      const code = codes[c];
      if (code.length !== n) continue;
      for (let i = 0; i < n; i++) if (code.charCodeAt(i) !== text.charCodeAt(from + i)) continue next;
      return this.values[c];
    }
    return -1;
  }
}

/**
 * What a row of responses.csv may hold, prepared once from the study
 * definition for both row readers (RowReader, InPlaceReader): the answer
 * codes, the group and background codes, and the hints of their messages.
 */
export class RowRules {
  readonly study: Study;
  /** Whether answers may be written with a decimal comma (any delimiter but the comma). */
  readonly decimalComma: boolean;
  readonly scaleMin: number;
  readonly scaleMax: number;
  readonly cantSay: ReadonlySet<number>;
  /** The can't-say codes for messages: "6, 9", or "" without any. */
  readonly cantSayText: string;
  /**
   * The code of each answer 0 … 99 written as one or two digits: CANT_SAY,
   * 1 + (answer − scale.min) on the scale, or 0 when it is neither (an
   * error, left to the checks of RowReader).
   */
  readonly quick: Uint8Array;
  readonly itemIds: readonly string[];
  readonly groupIndex: ReadonlyMap<string, number>;
  readonly groupCodes: readonly string[];
  readonly groupExact: ExactCodes;
  /** Per background variable: its value codes' indices. */
  readonly backgroundIndex: readonly ReadonlyMap<string, number>[];
  readonly backgroundExact: readonly ExactCodes[];
  readonly answerHint: string;
  readonly numberHint: string;
  /** Texts (trimmed) read as "not answered" in this edition, besides a blank. */
  readonly missing: ReadonlySet<string>;
  /** The edition's year, when the rules are an edition's. */
  readonly year: number | undefined;

  /**
   * `plan`: the edition's plan, whose view `study` is; groups and background
   * values that do not exist in the edition are then not accepted.
   */
  constructor(study: Study, decimalComma: boolean, plan?: EditionPlan) {
    this.study = study;
    this.decimalComma = decimalComma;
    const { min, max } = study.scale;
    this.scaleMin = min;
    this.scaleMax = max;
    const cantSay = new Set(study.scale.cantSay);
    this.cantSay = cantSay;
    this.cantSayText = study.scale.cantSay.join(', ');
    this.quick = new Uint8Array(100);
    for (let v = 0; v < 100; v++) this.quick[v] = cantSay.has(v) ? CANT_SAY : v >= min && v <= max ? v - min + 1 : 0;
    this.itemIds = study.items.map((x) => x.id);
    this.missing = plan?.rules.missing ?? new Set();
    this.year = plan?.year;
    const groupExists = (i: number) => plan?.groupExists[i] !== false;
    this.groupIndex = new Map(study.groups.flatMap((g, i) => (groupExists(i) ? [[g.code, i] as const] : [])));
    this.groupCodes = study.groups.filter((_, i) => groupExists(i)).map((g) => g.code);
    this.groupExact = new ExactCodes(this.groupIndex);
    this.backgroundIndex = study.background.map((b, k) => new Map(b.values.flatMap((v, i) => (plan?.valueExists[k]?.[i] !== false ? [[v.code, i] as const] : []))));
    this.backgroundExact = this.backgroundIndex.map((index) => new ExactCodes(index));
    this.answerHint = `Correct the value, or add the code to scale.cantSay in study.json if it means can't say.`;
    this.numberHint = `Answers must be whole numbers on the scale ${min}–${max}${this.cantSayText ? `, a can't-say code (${this.cantSayText})` : ''}, or blank for not answered.`;
  }
}

/** The error of a scale with more points than answer codes, or undefined. */
export function scaleIssue(study: Study): Omit<InputIssue, 'severity' | 'file'> | undefined {
  const { min, max } = study.scale;
  if (max - min + 1 <= MAX_SCALE_POINTS) return undefined;
  return {
    message: `the scale ${min}–${max} has ${max - min + 1} points; at most ${MAX_SCALE_POINTS} are supported`,
    hint: 'Correct scale.min and scale.max in study.json.',
  };
}
