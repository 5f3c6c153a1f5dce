/**
 * How one edition's file is read when the questionnaire changes between
 * editions (see src/study/editions.ts): the study as that file has it — only
 * the items and background variables that exist in the edition, under the
 * edition's column names, with its can't-say codes — and the widening of what
 * was read back to the whole study, where a variable not asked is all blank.
 */
import type { Study } from '../study/schema.ts';
import { columnIn, editionRules, existsIn, type EditionRules } from '../study/editions.ts';
import type { WantedColumn } from './column-plan.ts';
import type { EditionData } from './types.ts';

export interface EditionPlan {
  year: number;
  /** The whole study. */
  study: Study;
  /**
   * The study as the edition's file has it: its items (each id replaced by the
   * item's column in this edition) and background variables (column likewise),
   * the NPS under its column, and the edition's can't-say codes. Groups and
   * background values stay whole, so that their indices are the study's.
   */
  view: Study;
  rules: EditionRules;
  /** Whether each group, and each value of each background variable of the view, exists in the edition. */
  groupExists: readonly boolean[];
  valueExists: readonly (readonly boolean[])[];
  /** The columns of variables that do not exist in the edition: read by no one, with what they would be. */
  absentColumns: ReadonlyMap<string, string>;
}

/** The plan of the edition of `year`. */
export function editionPlan(study: Study, year: number): EditionPlan {
  const rules = editionRules(study, year);
  const column = (variable: string) => columnIn(study, variable, year)!;
  const items = study.items.filter((x) => existsIn(x, year));
  const background = study.background.filter((b) => existsIn(b, year));
  // A column an existing variable is renamed to is that variable's, whoever had the name before.
  const used = new Set([...items.map((x) => column(x.id)), ...background.map((b) => column(b.id)), ...(study.nps ? [column('nps')] : [])]);
  const absentColumns = new Map<string, string>();
  for (const x of study.items) if (!existsIn(x, year) && !used.has(column(x.id))) absentColumns.set(column(x.id), `item "${x.id}"`);
  for (const b of study.background) if (!existsIn(b, year) && !used.has(column(b.id))) absentColumns.set(column(b.id), `background variable "${b.id}"`);
  const view: Study = {
    ...study,
    scale: { ...study.scale, cantSay: [...rules.cantSay] },
    items: items.map((x) => ({ ...x, id: column(x.id) })),
    background: background.map((b) => ({ ...b, column: column(b.id) })),
    ...(study.nps ? { nps: { ...study.nps, column: column('nps') } } : {}),
  };
  return {
    year,
    study,
    view,
    rules,
    groupExists: study.groups.map((g) => existsIn(g, year)),
    valueExists: background.map((b) => b.values.map((v) => existsIn(v, year))),
    absentColumns,
  };
}

/** The columns of absent variables, as wanted columns that may be left out (so that they are not also "unused"). */
export function absentWanted(plan: EditionPlan | undefined): WantedColumn[] {
  return plan ? [...plan.absentColumns.keys()].map((column) => ({ column })) : [];
}

/**
 * The data read with the plan's view, widened to the whole study: answers keyed
 * by item id, an all-blank column for an item not asked in the edition and an
 * all-missing one for a background variable that does not exist in it.
 */
export function widenToStudy(data: EditionData, plan: EditionPlan): EditionData {
  const { study, year } = plan;
  const items = new Map<string, EditionData['items'] extends Map<string, infer V> ? V : never>();
  for (const x of study.items) {
    const read = existsIn(x, year) ? data.items.get(columnIn(study, x.id, year)!) : undefined;
    items.set(x.id, read ?? { codes: new Uint8Array(data.n) });
  }
  const background = new Map<string, Int16Array>();
  for (const b of study.background) background.set(b.id, data.background.get(b.id) ?? new Int16Array(data.n).fill(-1));
  return { ...data, items, background };
}
