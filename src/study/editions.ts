/**
 * A questionnaire that changes between editions: which variables exist in an
 * edition, under which column, with which can't-say and missing-value codes,
 * and where a definition breaks. Everything here reads a validated Study; the
 * default, with nothing said, is every variable in every edition under its own
 * column, as before.
 */
import type { Label, Study } from './schema.ts';

/** When something exists: from a year on, until a year, or in the years listed; every edition when none is given. */
export interface Span {
  from?: number | undefined;
  until?: number | undefined;
  years?: number[] | undefined;
}

/** Whether something with this span exists in the edition of `year`. */
export function existsIn(span: Span, year: number): boolean {
  if (span.years !== undefined) return span.years.includes(year);
  return (span.from === undefined || year >= span.from) && (span.until === undefined || year <= span.until);
}

/** What study.json says about one edition, with the study's defaults filled in. */
export interface EditionRules {
  year: number;
  /** The column of a variable (item id, background id, or "nps") whose column is renamed in this edition. */
  columns: ReadonlyMap<string, string>;
  /** The can't-say codes of this edition. */
  cantSay: readonly number[];
  /** Texts read as "not answered" (besides a blank), trimmed. */
  missing: ReadonlySet<string>;
  /** Item, dimension or index ids whose wording or definition changed in this edition, with the note. */
  breaks: ReadonlyMap<string, Label>;
  /** Dimension and index ids the analyst declares comparable with the previous edition although their components differ. */
  comparable: ReadonlySet<string>;
}

/** The rules of the edition of `year`. */
export function editionRules(study: Study, year: number): EditionRules {
  const e = study.editions[String(year)];
  return {
    year,
    columns: new Map(Object.entries(e?.columns ?? {})),
    cantSay: e?.cantSay ?? study.scale.cantSay,
    missing: new Set((e?.missing ?? []).map((m) => String(m).trim())),
    breaks: new Map((e?.breaks ?? []).map((b) => [b.id, b.note])),
    comparable: new Set(e?.comparable ?? []),
  };
}

/** The column an item, a background variable (by id) or the NPS ("nps") is read from in the edition of `year`. */
export function columnIn(study: Study, variable: string, year: number): string | undefined {
  const renamed = study.editions[String(year)]?.columns?.[variable];
  if (renamed !== undefined) return renamed;
  if (variable === 'nps') return study.nps?.column;
  const background = study.background.find((b) => b.id === variable);
  if (background) return background.column;
  return study.items.some((x) => x.id === variable) ? variable : undefined;
}

/** Whether an indicator (item, dimension, index or "nps") exists in the edition: an item by its span, a dimension or index by its own and by having a component there. */
export function indicatorExistsIn(study: Study, id: string, year: number): boolean {
  if (id === 'nps') return study.nps !== undefined;
  const item = study.items.find((x) => x.id === id);
  if (item) return existsIn(item, year);
  const dimension = study.dimensions.find((x) => x.id === id);
  if (dimension) return existsIn(dimension, year) && dimension.items.some((i) => indicatorExistsIn(study, i, year));
  const index = study.indices.find((x) => x.id === id);
  if (index) return existsIn(index, year) && (index.dimensions ?? index.items ?? []).some((c) => indicatorExistsIn(study, c, year));
  return false;
}

/** The components of a dimension or index that exist in the edition (its items; an index's dimensions or items). */
export function componentsIn(study: Study, id: string, year: number): string[] {
  const dimension = study.dimensions.find((x) => x.id === id);
  const index = study.indices.find((x) => x.id === id);
  const all = dimension ? dimension.items : index ? (index.dimensions ?? index.items ?? []) : [];
  return all.filter((c) => indicatorExistsIn(study, c, year));
}

/** How many breaks an indicator has had up to and including `year`. */
function breaksUpTo(study: Study, id: string, year: number): number {
  let count = 0;
  for (const [key, e] of Object.entries(study.editions)) if (Number(key) <= year && e.breaks?.some((b) => b.id === id)) count++;
  return count;
}

/**
 * An indicator's definition in an edition, as a comparable text: the same in two
 * editions exactly when the same components (recursively) exist in both and no
 * break of it or of a component lies between them.
 */
export function definitionIn(study: Study, id: string, year: number): string {
  const own = `${id}#${breaksUpTo(study, id, year)}`;
  if (id === 'nps' || study.items.some((x) => x.id === id)) return own;
  return `${own}(${componentsIn(study, id, year)
    .map((c) => definitionIn(study, c, year))
    .join(',')})`;
}

/**
 * Whether a change of an indicator from the edition of `before` to that of
 * `after` may be tested: it exists in both, and its definition is the same in
 * both or the analyst declared it comparable in `after` (a break of the
 * indicator itself in between is never comparable).
 */
export function comparableAcross(study: Study, id: string, before: number, after: number): boolean {
  if (!indicatorExistsIn(study, id, before) || !indicatorExistsIn(study, id, after)) return false;
  if (breaksUpTo(study, id, before) !== breaksUpTo(study, id, after)) return false;
  if (definitionIn(study, id, before) === definitionIn(study, id, after)) return true;
  return study.editions[String(after)]?.comparable?.includes(id) === true;
}

/** The break note of an indicator in the edition of `year`, if it breaks there. */
export function breakIn(study: Study, id: string, year: number): Label | undefined {
  return study.editions[String(year)]?.breaks?.find((b) => b.id === id)?.note;
}

/**
 * The study as the edition of `year` computes it: each dimension from its items
 * that exist there, each index from its components that exist there (one with
 * no component there keeps its list: every answer to it is blank, so it has no
 * figure).
 */
export function definitionsIn(study: Study, year: number): Study {
  const keep = (id: string, all: string[]) => {
    const there = componentsIn(study, id, year);
    return there.length > 0 ? there : all;
  };
  return {
    ...study,
    dimensions: study.dimensions.map((d) => ({ ...d, items: keep(d.id, d.items) })),
    indices: study.indices.map((x) => ({
      ...x,
      ...(x.dimensions ? { dimensions: keep(x.id, x.dimensions) } : {}),
      ...(x.items ? { items: keep(x.id, x.items) } : {}),
    })),
  };
}
