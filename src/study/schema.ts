import { z } from 'zod';
import { checkPageNames } from './pages.ts';
import { checkLabelLanguages } from './label-languages.ts';
import { checkEditions } from './edition-checks.ts';
import type { Span } from './editions.ts';
import { DISCLOSURE_FLOOR } from './disclosure.ts';
import { MAX_SLUG_LENGTH } from './slug.ts';
import { basePathProblem, normaliseBasePath } from './base-path.ts';

import { LANGUAGES, type Lang } from '../i18n/languages.ts';

export { LANGUAGES, type Lang };

/** Longest id of a band, background variable, dimension or index (dimension ids name pages and files). */
export const MAX_ID_LENGTH = 100;
/** Longest label of an item, dimension, index, group, band, background variable or value (charts wrap them). */
export const MAX_LABEL_LENGTH = 300;
/** Longest title or organisation name. */
export const MAX_TITLE_LENGTH = 500;
/** Longest text shown as a paragraph (the benchmark's source). */
export const MAX_TEXT_LENGTH = 2000;

const tooLong = (what: string, max: number) => ({
  error: (issue: { input?: unknown }) =>
    `${typeof issue.input === 'string' ? `is ${issue.input.length.toLocaleString('en')} characters long` : 'is too long'}; ${what} may have at most ${max.toLocaleString('en')}`,
});

/** An id: URL-safe, so that it can name a page; `why` says where it is used. */
const idSchema = (why = '') =>
  z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9_-]*$/, `must start with a letter and contain only letters, digits, "_" or "-"${why}`)
    .max(MAX_ID_LENGTH, tooLong('an id', MAX_ID_LENGTH));

const id = idSchema();
/** A dimension id names its page (areas/<id>/) and its commentary file (<id>.md). */
const pageId = idSchema(" (it names the area's page and its commentary file)");

const column = z.string().min(1, 'must name a column');

/**
 * A text in the report languages, at most `max` characters in each. Every language is
 * optional here: which ones are required depends on the study's `languages`, and
 * `crossCheck` demands exactly those. Only the study's languages are ever read.
 */
function text(max: number, what: string) {
  const inLanguage = (lang: Lang) =>
    z
      .string()
      .min(1, `the ${what} in "${lang}" is empty`)
      .max(max, tooLong(`a ${what}`, max))
      .optional();
  return z
    .object(Object.fromEntries(LANGUAGES.map((lang) => [lang, inLanguage(lang)])) as Record<Lang, ReturnType<typeof inLanguage>>)
    .strict()
    .transform((x) => x as Record<Lang, string>);
}

export const labelSchema = text(MAX_LABEL_LENGTH, 'label').describe("A text in each report language (fi, sv, en): the study's `languages` are required.");
const titleSchema = text(MAX_TITLE_LENGTH, 'title');

/** A year of an edition. */
const year = z.number().int().min(1900).max(2999);

/**
 * The editions a variable exists in: `from` a year on, `until` a year, or the
 * `years` listed; with none of them, every edition.
 */
const span = {
  from: year.optional().describe('First edition (year) in which it exists; default: from the first.'),
  until: year.optional().describe('Last edition (year) in which it exists; default: to the latest.'),
  years: z.array(year).min(1).optional().describe('The editions (years) in which it exists, instead of from/until.'),
};

/** What study.json says about one edition (a key of `editions`). */
const editionSchema = z
  .object({
    columns: z.record(z.string(), column).optional().describe('Columns renamed in this edition\'s file: variable (item id, background id or "nps") → column name.'),
    cantSay: z.array(z.number().int()).optional().describe("The can't-say codes of this edition, instead of scale.cantSay."),
    missing: z
      .array(z.union([z.string().min(1), z.number()]))
      .optional()
      .describe('Codes meaning "not answered" in this edition (such as "NA" or 99), besides a blank: never an answer nor can\'t say.'),
    breaks: z
      .array(
        z
          .object({
            id: z.string().describe('The item, dimension or index whose wording or definition changed in this edition.'),
            note: text(MAX_LABEL_LENGTH, 'note').describe('What changed, in each report language; shown where the trend breaks.'),
          })
          .strict(),
      )
      .optional()
      .describe('Breaks in this edition: figures are not compared with earlier editions, and trend lines are not joined across.'),
    comparable: z.array(z.string()).optional().describe('Dimensions and indices whose components differ from the previous edition, declared comparable with it all the same.'),
  })
  .strict();

const colour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like "#1a7f37"');

export const bandSchema = z
  .object({
    id,
    min: z.number().optional().describe('Lowest displayed value (two decimals) that belongs to this band. Omit for the lowest band.'),
    label: labelSchema,
    colour: colour.optional().describe("Fill colour of the band in charts, as #rrggbb; by default from a palette by the band's place, from blue for the highest to orange-red for the lowest."),
    textColour: colour.optional().describe('Text colour on the band colour; defaults to black or white by contrast.'),
  })
  .strict();

/** Shape of a definition as far as the cross-reference checks need it (defaults may be missing). */
type Loose = {
  languages?: unknown;
  scale?: { min?: number; max?: number; cantSay?: number[]; topBox?: number };
  bands?: { id?: string; min?: number }[];
  groups?: ({ code?: string } & Span)[];
  background?: ({ id?: string; column?: string; values?: ({ code?: string } & Span)[] } & Span)[];
  items?: ({ id?: string } & Span)[];
  dimensions?: ({ id?: string; items?: string[] } & Span)[];
  indices?: ({ id?: string; dimensions?: string[]; items?: string[] } & Span)[];
  editions?: Record<string, { columns?: Record<string, string>; cantSay?: number[]; missing?: (string | number)[]; breaks?: { id?: string }[]; comparable?: string[] }>;
  nps?: { column?: string; reason?: string; quotes?: { publish?: boolean } };
  drivers?: { outcome?: string; predictors?: string[] };
  columns?: { id?: string; group?: string; weight?: string };
  summary?: { areas?: string[] };
};

/**
 * The checks across parts of a definition: references to items, dimensions and
 * indicators, band order, column roles. Written defensively so that they can also
 * run on a definition with structural errors, and all problems are reported at once.
 */
export function crossCheck(s: Loose, issue: (path: (string | number)[], message: string, hint?: string) => void): void {
  const arr = <T>(x: T[] | undefined): T[] => (Array.isArray(x) ? x : []);
  const str = (x: unknown): x is string => typeof x === 'string';
  const dup = (list: (string | undefined)[], path: string, what: string) => {
    const seen = new Set<string>();
    list.forEach((v, i) => {
      if (v === undefined) return;
      if (seen.has(v)) issue([path, i], `duplicate ${what} "${v}"`);
      seen.add(v);
    });
  };
  const scale = s.scale ?? {};
  const { min, max } = scale;
  const topBox = scale.topBox ?? 2;
  if (typeof min === 'number' && typeof max === 'number') {
    if (max <= min) issue(['scale', 'max'], `must be greater than scale.min (${min})`);
    arr(scale.cantSay).forEach((c, i) => {
      if (c >= min && c <= max) issue(['scale', 'cantSay', i], `can't-say code ${c} lies inside the scale ${min}–${max}`);
    });
    if (max > min && topBox >= max - min + 1) issue(['scale', 'topBox'], 'must be smaller than the number of scale points');
  }
  const bands = arr(s.bands);
  bands.forEach((b, i) => {
    const last = i === bands.length - 1;
    if (last && b.min !== undefined) issue(['bands', i, 'min'], 'the lowest band must not have a "min"');
    if (!last && b.min === undefined) issue(['bands', i, 'min'], 'every band but the lowest needs a "min"');
    const prev = bands[i - 1]?.min;
    if (i > 0 && b.min !== undefined && prev !== undefined && b.min >= prev) issue(['bands', i, 'min'], `bands must go from the highest to the lowest: ${b.min} is not below ${prev}`);
  });
  dup(
    bands.map((b) => b.id),
    'bands',
    'band id',
  );
  if (s.columns?.group !== undefined && arr(s.groups).length === 0) issue(['groups'], `list the groups of the group column "${s.columns.group}"`);
  if (s.columns && s.columns.group === undefined && arr(s.groups).length > 0) issue(['columns', 'group'], 'the groups need a group column: name it in columns.group');
  dup(
    arr(s.groups).map((g) => g.code),
    'groups',
    'group code',
  );
  dup(
    arr(s.background).map((b) => b.id),
    'background',
    'background id',
  );
  arr(s.background).forEach((b, i) =>
    dup(
      arr(b.values).map((v) => v.code),
      `background.${i}.values`,
      'value code',
    ),
  );
  const itemIds = arr(s.items)
    .map((x) => x.id)
    .filter(str);
  const dimIds = arr(s.dimensions)
    .map((x) => x.id)
    .filter(str);
  const indicatorIds = [
    ...itemIds,
    ...dimIds,
    ...arr(s.indices)
      .map((x) => x.id)
      .filter(str),
    ...(s.nps ? ['nps'] : []),
  ];
  dup(indicatorIds, 'indicators', 'indicator id (items, dimensions and indices share one namespace; "nps" is the NPS)');
  const items = new Set(itemIds);
  const dims = new Set(dimIds);
  arr(s.dimensions).forEach((d, i) =>
    arr(d.items).forEach((it, j) => {
      if (!items.has(it)) issue(['dimensions', i, 'items', j], `unknown item "${it}"`);
    }),
  );
  arr(s.indices).forEach((x, i) => {
    if ((x.dimensions === undefined) === (x.items === undefined)) issue(['indices', i], 'give either "dimensions" or "items", not both or neither');
    arr(x.dimensions).forEach((d, j) => {
      if (!dims.has(d)) issue(['indices', i, 'dimensions', j], `unknown dimension "${d}"`);
    });
    arr(x.items).forEach((it, j) => {
      if (!items.has(it)) issue(['indices', i, 'items', j], `unknown item "${it}"`);
    });
  });
  if (s.nps?.quotes?.publish && !s.nps.reason) issue(['nps', 'quotes', 'publish'], 'quotes need the open-answer column nps.reason');
  const scored = new Set(indicatorIds.filter((x) => x !== 'nps'));
  const drivers = s.drivers;
  if (drivers) {
    if (str(drivers.outcome) && !scored.has(drivers.outcome)) issue(['drivers', 'outcome'], `unknown indicator "${drivers.outcome}"`);
    arr(drivers.predictors).forEach((p, j) => {
      if (!scored.has(p)) issue(['drivers', 'predictors', j], `unknown indicator "${p}"`);
      if (p === drivers.outcome) issue(['drivers', 'predictors', j], 'the outcome cannot also be a predictor');
    });
    dup(arr(drivers.predictors), 'drivers.predictors', 'predictor');
  }
  checkEditions(s, issue);
  const summaryAreas = arr(s.summary?.areas);
  summaryAreas.forEach((d, j) => {
    if (!dims.has(d)) issue(['summary', 'areas', j], `unknown dimension "${d}"`, `Use the id of a dimension: ${[...dims].join(', ') || 'the study has none'}.`);
    else if (summaryAreas.indexOf(d) < j) issue(['summary', 'areas', j], `dimension "${d}" is listed twice`, 'List each area once.');
  });
  checkLabelLanguages(s, issue);
  checkPageNames(arr(s.groups), arr(s.dimensions), issue);
  const cols = [s.columns?.id, s.columns?.group, s.columns?.weight, ...itemIds, ...arr(s.background).map((b) => b.column), s.nps?.column, s.nps?.reason].filter(str);
  dup(cols, 'columns', 'column (each column may have one role only)');
}

export const studySchema = z
  .object({
    $schema: z.string().optional(),
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and "-" (it is used in file names)')
      .max(MAX_ID_LENGTH, tooLong('the study id', MAX_ID_LENGTH))
      .describe('Short identifier of the study, used in file names.'),
    title: titleSchema.describe('Title of the study.'),
    organisation: titleSchema.describe('The organisation the study is about; the PDF author.'),
    languages: z.array(z.enum(LANGUAGES)).min(1).default(['fi', 'en']).describe('Report languages; the first is the default.'),
    base: z
      .string()
      .superRefine((value, ctx) => {
        const problem = basePathProblem(value);
        if (problem)
          ctx.addIssue({ code: 'custom', message: problem, params: { hint: 'Write the path the site is served under, e.g. "/reports/kaukovesi/" (or leave "base" out for the root of a domain).' } });
      })
      .transform(normaliseBasePath)
      .optional()
      .describe('The path the site is served under, e.g. "/reports/kaukovesi/" (default "/", the root of a domain); `luotain build --base` overrides it.'),
    columns: z
      .object({
        id: column.optional().describe('Column with the respondent id (unique within an edition); without it rows are told apart by their line.'),
        group: column.optional().describe('Column with the stakeholder group code (the sampling stratum); without it the study is one sample with no group breakdown.'),
        weight: column.optional().describe('Column with the design weight; all weights are 1 without it.'),
      })
      .strict()
      .default({})
      .describe('The columns of the id, group and weight, each optional.'),
    scale: z
      .object({
        min: z.number().int(),
        max: z.number().int(),
        cantSay: z.array(z.number().int()).default([]).describe('Codes meaning "can\'t say"; blank is always "not answered".'),
        topBox: z.number().int().min(1).default(2).describe('How many of the highest scale points count as top box.'),
      })
      .strict(),
    bands: z.array(bandSchema).min(1).describe('Bands from the highest to the lowest; the last has no "min".'),
    groups: z
      .array(
        z
          .object({
            code: z.string().min(1).max(MAX_SLUG_LENGTH, tooLong('a group code', MAX_SLUG_LENGTH)).describe("The code in the group column; it names the group's commentary file, <code>.md."),
            label: labelSchema,
            ...span,
          })
          .strict(),
      )
      .default([])
      .describe('Stakeholder groups, each a separate sample (with columns.group).'),
    background: z
      .array(
        z
          .object({
            id,
            column,
            label: labelSchema,
            values: z.array(z.object({ code: z.string().min(1), label: labelSchema, ...span }).strict()).min(1),
            ...span,
          })
          .strict(),
      )
      .default([])
      .describe('Background variables for breakdowns (age group, gender, region...).'),
    items: z.array(z.object({ id: column.describe('The item id, which is also its column (see editions.<year>.columns for a renamed one).'), label: labelSchema, ...span }).strict()).min(1),
    dimensions: z
      .array(z.object({ id: pageId, label: labelSchema, items: z.array(z.string()).min(1), ...span }).strict())
      .default([])
      .describe("Areas built from items: a respondent's score is the mean of the answered items, at least half of them."),
    indices: z
      .array(
        z
          .object({
            id,
            label: labelSchema,
            dimensions: z.array(z.string()).min(1).optional(),
            items: z.array(z.string()).min(1).optional(),
            headline: z.boolean().default(true).describe('Shown among the headline figures of the summary.'),
            ...span,
          })
          .strict(),
      )
      .default([])
      .describe('Indices built from dimensions or from items (exactly one of the two).'),
    nps: z
      .object({
        column: column.describe('Column of the 0–10 recommendation question.'),
        reason: column.optional().describe('Column of the open "why" answer.'),
        label: labelSchema.optional(),
        quotes: z
          .object({
            publish: z.boolean().default(false).describe('Publish open answers as quotes (redacted; groups at or above minBase only).'),
            perGroup: z.number().int().min(1).max(50).default(8).describe('At most this many quotes per group.'),
          })
          .strict()
          .optional()
          .describe('Open answers are never published unless this turns them on.'),
      })
      .strict()
      .optional(),
    drivers: z
      .object({
        outcome: z.string().describe('Indicator id of the outcome (an index, dimension or item).'),
        predictors: z.array(z.string()).min(2).max(15).describe('Indicator ids of the predictors.'),
      })
      .strict()
      .optional(),
    benchmark: z
      .object({ source: text(MAX_TEXT_LENGTH, 'text').describe('Where the benchmark comes from, shown on the method page.') })
      .strict()
      .optional(),
    editions: z
      .record(z.string().regex(/^(19|2[0-9])[0-9]{2}$/, 'must be a year from 1900 to 2999'), editionSchema)
      .default({})
      .describe("What changes in an edition, keyed by its year: renamed columns, can't-say and missing-value codes, breaks, comparability."),
    summary: z
      .object({
        areas: z.array(z.string()).min(1).optional().describe("Dimension ids shown in the summary's chart of areas, in this order; every dimension, in the study's order, without it."),
      })
      .strict()
      .optional()
      .describe('What the summary page shows.'),
    responses: z
      .object({
        sheet: z.string().min(1).optional().describe('The sheet of responses.xlsx to read (default: the first).'),
        sheets: z
          .record(z.string().regex(/^\d{4}$/, 'must be an edition year'), z.string().min(1))
          .optional()
          .describe('The sheet of responses.xlsx per edition year, where it is not `sheet`.'),
      })
      .strict()
      .optional()
      .describe('How to read responses.xlsx (responses.csv and responses.sav need nothing).'),
    siteUrl: z
      .url({ protocol: /^https?$/, error: 'must be an http or https address, such as https://www.example.fi/reports/study/' })
      .optional()
      .describe(
        'The address the site is published at (its root, with any base path), such as https://www.example.fi/reports/study/. It makes the absolute addresses social media need: the pages then name their own address and their share image (og:url, og:image).',
      ),
    minBase: z.number().int().min(DISCLOSURE_FLOOR).default(30).describe('Minimum unweighted n for a figure to be shown.'),
    multipleComparisons: z
      .enum(['none', 'benjamini-hochberg'])
      .default('none')
      .describe(
        "How the significance of an edition's changes from the previous edition allows for their number: none (each change tested on its own at p < 0.05) or benjamini-hochberg (significant when the Benjamini–Hochberg adjusted p, a false discovery rate over all the edition's changes, is below 0.05).",
      ),
    highCantSayShare: z.number().min(0).max(1).default(0.3).describe("Warn when an item's can't-say share exceeds this."),
  })
  .strict()
  .superRefine((s, ctx) => crossCheck(s, (path, message, hint) => ctx.addIssue({ code: 'custom', path, message, ...(hint ? { params: { hint } } : {}) })));

/** A study definition as written in study.json. */
export type StudyInput = z.input<typeof studySchema>;
/** A validated study definition with defaults filled in. */
export type Study = z.output<typeof studySchema>;
export type Label = z.output<typeof labelSchema>;
export type Band = z.output<typeof bandSchema>;
