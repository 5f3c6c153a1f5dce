import { t } from '../i18n/index.ts';
import type { Lang } from '../i18n/languages.ts';
import { MAX_ID_LENGTH, MAX_LABEL_LENGTH, MAX_TITLE_LENGTH } from '../study/schema.ts';
import { MAX_SLUG_LENGTH } from '../study/slug.ts';
import { allIntegers, allNumbers, type ColumnProfile, filled, integerCodes } from './column-profile.ts';
import { draftBands } from './draft-bands.ts';
import { type ScaleFit, bestFit, CANT_SAY_LABEL, fitToScale, labelFit, type Range, rangeText } from './scale-fit.ts';
import type { TableRead } from './table.ts';

export interface DraftOptions {
  /** The report languages; every label is written in each. */
  languages: readonly Lang[];
  /** Whether the languages were chosen by the user (else they are the default, and the report says so). */
  languagesGiven: boolean;
  /** The file's name without its folder and extension: the study's id and title are made from it. */
  name: string;
  /** How the draft names the schema file (`"$schema"`). */
  schema: string;
}

/** A draft study definition, what was guessed and why, and what a person should look at. */
export interface Draft {
  /** The study.json to write, in the order of the sample's keys. */
  study: Record<string, unknown>;
  /** One line per guess, with its reason. */
  guesses: string[];
  /** What to review or complete. */
  review: string[];
}

const ID_NAME = /^(id|resp(ondent)?([ _.-]?(id|no|nro|num|number))?|vastaaja([ _.-]?(id|nro|numero|tunnus))?|tunnus|svarande([ _.-]?id)?|case[ _.-]?(id|no)|serial|.+[ _.-]id)$/i;
const WEIGHT_NAME = /(^|[ _.-])(weights?|wt|w|paino(kerroin)?|vikt)(\d*)([ _.-]|$)/i;
const GROUP_NAME = /(^|[ _.-])(group|ryhm[äa]|sidosryhm[äa]|kohderyhm[äa]|segment(ti)?|stratum|strata|grupp|m[åa]lgrupp|intressentgrupp)(\d*)([ _.-]|$)/i;
const NPS_NAME = /nps|suosittel|recommend|rekommend/i;
const REASON_NAME = /(^|[ _.-])(reason|why|perustelu(t)?|miksi|syy|varf[öo]r|motivering)(\d*)([ _.-]|$)/i;
/** Names of variables that describe the respondent rather than rate something. */
const BACKGROUND_NAME =
  /(^|[ _.-])(age|ik[äa]|ik[äa]ryhm[äa]|[åa]lder|gender|sex|sukupuoli|k[öo]n|region|alue|maakunta|kunta|kommun|education|koulutus|utbildning|income|tulot|inkomst|occupation|ammatti|yrke|language|kieli|spr[åa]k)(\d*)([ _.-]|$)/i;

/** The most values a group or background column may have. */
const MAX_CODES = 12;

const fmt = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(3).replace(/0+$/, ''));
const pct = (n: number, of: number) => `${((100 * n) / of).toFixed(1)} %`;
const quoted = (s: string) => `"${s}"`;
const cut = (s: string, max: number) => (s.length <= max ? s : `${s.slice(0, max - 1)}…`);

/**
 * Drafts a study definition from the columns of a responses file: which
 * column is the respondent id, the group, the weight and the NPS; the answer
 * scale and its can't-say codes; the items and the background variables;
 * labels in every report language (the file's own text as a placeholder);
 * the standard bands scaled to the scale. Every guess comes back with its
 * reason, and what a person must look at in `review`. Pure: the file was
 * read by the caller.
 */
export function draftStudy(table: TableRead, options: DraftOptions): Draft {
  const { languages } = options;
  const guesses: string[] = [];
  const review: string[] = [];
  const label = (text: string) => Object.fromEntries(languages.map((l) => [l, cut(text, MAX_LABEL_LENGTH)]));
  const rows = table.rows;

  // Columns without a name, or with the name of an earlier one, cannot be given a role.
  const seen = new Set<string>();
  const columns: ColumnProfile[] = [];
  for (const c of table.columns) {
    if (c.name === '' || seen.has(c.name)) {
      review.push(c.name === '' ? 'A column has no name in the header: name it, or remove it.' : `Two columns are named ${quoted(c.name)}: rename one (check will refuse the file until then).`);
      continue;
    }
    seen.add(c.name);
    columns.push(c);
  }
  const used = new Set<string>();
  const take = (c: ColumnProfile) => used.add(c.name);
  const free = () => columns.filter((c) => !used.has(c.name));
  const describe = (c: ColumnProfile) => (c.meta.label && c.meta.label !== c.name ? `${quoted(c.name)} (${quoted(c.meta.label)})` : quoted(c.name));
  const complete = (c: ColumnProfile) => c.blank === 0 && rows > 0;

  // The respondent id: a column whose values are all there and all different.
  const unique = columns.filter((c) => complete(c) && c.unique && rows >= 2 && (allIntegers(c) || (!allNumbers(c) && !c.spaces && c.longest <= 64)));
  const idColumn = unique.find((c) => ID_NAME.test(c.name)) ?? unique.find((c) => allIntegers(c));
  if (idColumn) {
    take(idColumn);
    guesses.push(`Respondent id: ${describe(idColumn)}, ${ID_NAME.test(idColumn.name) ? 'named like an id, and ' : ''}its values are on every row and all different.`);
    const others = unique.filter((c) => c !== idColumn && allIntegers(c));
    if (others.length > 0)
      review.push(
        `${others.map(describe).join(', ')} also ${others.length === 1 ? 'has' : 'have'} a different value on every row; if ${others.length === 1 ? 'it' : 'one of them'} is the respondent id, set columns.id.`,
      );
  } else guesses.push('Respondent id: none (no column has a value on every row, different on each); rows are known by their line.');

  // The weight: positive numbers, named like a weight, or not all whole with a mean of about 1.
  const positive = columns.filter((c) => !used.has(c.name) && complete(c) && allNumbers(c) && c.min > 0);
  const mean = (c: ColumnProfile) => c.sum / filled(c);
  const weightColumn = positive.find((c) => WEIGHT_NAME.test(c.name)) ?? positive.find((c) => !allIntegers(c) && Math.abs(mean(c) - 1) <= 0.1 && !NPS_NAME.test(c.name));
  if (weightColumn) {
    take(weightColumn);
    const why = WEIGHT_NAME.test(weightColumn.name) ? 'named like a weight' : 'not all whole numbers, with a mean of about 1';
    guesses.push(`Weight: ${describe(weightColumn)}, ${why}; its values are positive on every row (${fmt(weightColumn.min)}–${fmt(weightColumn.max)}, mean ${fmt(mean(weightColumn))}).`);
  } else guesses.push('Weight: none (no column of positive numbers named like a weight or with a mean of about 1); every respondent weighs 1.');

  // The NPS: a 0–10 column named or labelled like a recommendation question.
  const npsColumn = free().find((c) => (NPS_NAME.test(c.name) || NPS_NAME.test(c.meta.label)) && codesWithin(c, 0, 10));
  const npsLike = free().filter((c) => c !== npsColumn && (NPS_NAME.test(c.name) || NPS_NAME.test(c.meta.label)) && allIntegers(c));
  if (npsColumn) {
    take(npsColumn);
    guesses.push(`NPS: ${describe(npsColumn)}, named like a recommendation question, with whole numbers 0–10 only.`);
  }
  for (const c of npsLike)
    review.push(
      `${describe(c)} is named like a recommendation question but has values outside 0–10 (${fmt(c.min)}–${fmt(c.max)}); if it is the NPS question, make its other codes missing and set nps.column.`,
    );

  // The scale: the range most rating columns fit, from their value labels or their values.
  const fits = new Map<string, ScaleFit>();
  for (const c of free()) {
    if (BACKGROUND_NAME.test(c.name) || BACKGROUND_NAME.test(c.meta.label)) continue;
    const fit = labelFit(c) ?? bestFit(c);
    if (fit) fits.set(c.name, fit);
  }
  const byRange = new Map<string, { range: Range; columns: number }>();
  for (const f of fits.values()) {
    const key = rangeText(f.range);
    byRange.set(key, { range: f.range, columns: (byRange.get(key)?.columns ?? 0) + 1 });
  }
  const ranked = [...byRange.values()].sort((a, b) => b.columns - a.columns);
  const scale: Range = ranked[0]?.range ?? [1, 5];
  if (ranked.length === 0) {
    review.push(
      'No column looks like ratings on a scale (whole numbers 1–5, 1–7, 0–10 or 1–10): the draft has none, and check will refuse it until items are listed. Write the items and the scale in study.json.',
    );
  }

  // Items: every column that fits the scale, with the can't-say codes they use.
  const items: ColumnProfile[] = [];
  /** Per can't-say code: its labels, and the columns and answers that have it. */
  const cantSay = new Map<number, { labels: Set<string>; columns: number; count: number }>();
  const fromLabels = new Set<string>();
  const declaredMissing: string[] = [];
  for (const c of free()) {
    if (BACKGROUND_NAME.test(c.name) || BACKGROUND_NAME.test(c.meta.label)) continue;
    const fit = fitToScale(c, scale, fits.get(c.name));
    if (!fit) continue;
    items.push(c);
    if (fit.source === 'labels') fromLabels.add(c.name);
    for (const x of fit.cantSay) {
      const entry = cantSay.get(x.code) ?? { labels: new Set<string>(), columns: 0, count: 0 };
      if (x.label) entry.labels.add(x.label);
      if (x.count > 0) entry.columns++;
      entry.count += x.count;
      cantSay.set(x.code, entry);
    }
    for (const [code, text] of c.meta.valueLabels) if (CANT_SAY_LABEL.test(text) && isMissing(c, code)) declaredMissing.push(`${quoted(c.name)} ${code} (${quoted(text)})`);
  }
  for (const c of items) take(c);
  const cantSayCodes = [...cantSay.keys()].sort((a, b) => a - b);
  if (ranked.length > 0) {
    const others = ranked.slice(1).map((r) => `${rangeText(r.range)} (${r.columns})`);
    guesses.push(
      `Scale: ${rangeText(scale)}, the range of ${ranked.length === 1 ? `all ${ranked[0].columns}` : `${ranked[0].columns}`} of the columns that look like ratings${fromLabels.size > 0 ? ` (${fromLabels.size} by their value labels)` : ''}${others.length > 0 ? `; other columns fit ${others.join(', ')}` : ''}.`,
    );
    guesses.push(
      `Items: ${items.length} column${items.length === 1 ? '' : 's'} with whole numbers on ${rangeText(scale)}${cantSayCodes.length > 0 ? " or a can't-say code" : ''}: ${items.map((c) => quoted(c.name)).join(', ')}. Their labels are ${items.some((c) => c.meta.label) ? 'the variable labels (the column name where there is none)' : 'the column names'}.`,
    );
  }
  if (cantSayCodes.length > 0) {
    const answers = items.reduce((n, c) => n + filled(c), 0);
    const why = (code: number) => {
      const { labels, columns, count } = cantSay.get(code)!;
      const where = `in ${columns} item${columns === 1 ? '' : 's'}, ${pct(count, answers)} of the answers`;
      return labels.size > 0 ? `labelled ${[...labels].map(quoted).join(', ')}; ${where}` : `a value outside the scale ${where}: a guess`;
    };
    guesses.push(`Can't say: ${cantSayCodes.map((code) => `${code} (${why(code)})`).join('; ')}.`);
    if ([...cantSay.values()].some((x) => x.labels.size === 0)) {
      review.push(
        `The can't-say code${cantSayCodes.length === 1 ? '' : 's'} ${cantSayCodes.join(', ')} ${cantSayCodes.length === 1 ? 'is' : 'are'} guessed from the values alone: if a code means something else (not applicable, refused), decide whether it is can't say or should be blank (not answered) in the file.`,
      );
    }
  } else if (ranked.length > 0) guesses.push("Can't say: no code (no value outside the scale in the items).");
  if (declaredMissing.length > 0) {
    review.push(
      `Labelled like can't say but declared missing in the file, so counted as not answered: ${declaredMissing.slice(0, 5).join(', ')}${declaredMissing.length > 5 ? ', …' : ''}. To count it as can't say, remove it from the variable's missing values in SPSS and add it to scale.cantSay.`,
    );
  }
  const skippedRatings = free().filter((c) => fits.has(c.name));
  for (const c of skippedRatings) review.push(`${describe(c)} looks like ratings on ${rangeText(fits.get(c.name)!.range)}, another scale than the study's ${rangeText(scale)}: left out.`);

  // The group: named like a group, a value on every row, a few codes.
  const groupColumn = free().find((c) => GROUP_NAME.test(c.name) && complete(c) && codeList(c) !== undefined && codeList(c)!.every(groupCodeOk));
  const groups = groupColumn ? codeList(groupColumn)! : [];
  if (groupColumn) {
    take(groupColumn);
    const labelled = groupColumn.meta.valueLabels.size > 0;
    guesses.push(
      `Group: ${describe(groupColumn)}, named like a group, with a code on every row: ${groups.map(quoted).join(', ')}${labelled ? ', labelled by its value labels' : ''}. Each group is a sample of its own (a stratum).`,
    );
  } else {
    const named = free().filter((c) => GROUP_NAME.test(c.name));
    guesses.push(
      `Group: none${named.length > 0 ? ` (${named.map(describe).join(', ')} is named like one but has blanks or too many codes)` : ' (no column named like a group)'}; the study is one sample.`,
    );
  }

  // The NPS's open answer: only a column clearly named as its reason.
  const reasonColumn = npsColumn ? free().find((c) => REASON_NAME.test(c.name) && !allNumbers(c) && filled(c) > 0) : undefined;
  if (reasonColumn) {
    take(reasonColumn);
    guesses.push(`NPS reason: ${describe(reasonColumn)}, text named like the reason for the answer. Its answers are not published (nps.quotes is off).`);
  }

  // Background variables: other columns with a few codes (labelled ones first).
  const background: Record<string, unknown>[] = [];
  const backgroundIds = new Set<string>();
  for (const c of free()) {
    const codes = codeList(c);
    if (!codes || codes.length < 2 || codes.length > MAX_CODES || c.longest > 100) continue;
    take(c);
    const id = uniqueId(slug(c.name).toLowerCase(), backgroundIds);
    background.push({
      id,
      column: c.name,
      label: label(c.meta.label || c.name),
      values: codes.map((code) => ({ code, label: label(c.meta.valueLabels.get(code) ?? code) })),
    });
  }
  if (background.length > 0) {
    guesses.push(
      `Background variables: ${background.map((b) => quoted(String(b.column))).join(', ')}: columns with ${MAX_CODES} codes or fewer that are not ratings${table.format === 'sav' ? ', labelled by their value labels where they have them' : ''}.`,
    );
  }
  const unused = free();
  if (unused.length > 0) review.push(`Not used (check lists them in a warning): ${unused.map(describe).join(', ')}.`);

  // Labels, title and organisation: the file's text in every language, as placeholders.
  const title = cut(titleOf(options.name), MAX_TITLE_LENGTH);
  const study: Record<string, unknown> = {
    $schema: options.schema,
    id: slug(options.name).toLowerCase().replace(/_/g, '-').slice(0, MAX_ID_LENGTH) || 'study',
    title: label(title),
    organisation: Object.fromEntries(languages.map((l) => [l, t(l, 'draft.organisation')])),
    languages: [...languages],
    columns: {
      ...(idColumn ? { id: idColumn.name } : {}),
      ...(groupColumn ? { group: groupColumn.name } : {}),
      ...(weightColumn ? { weight: weightColumn.name } : {}),
    },
    scale: { min: scale[0], max: scale[1], cantSay: cantSayCodes, topBox: 2 },
    bands: draftBands(scale, languages),
    ...(groupColumn ? { groups: groups.map((code) => ({ code, label: label(groupColumn.meta.valueLabels.get(code) ?? code) })) } : {}),
    ...(background.length > 0 ? { background } : {}),
    items: items.map((c) => ({ id: c.name, label: label(c.meta.label || c.name) })),
    ...(npsColumn ? { nps: { column: npsColumn.name, ...(reasonColumn ? { reason: reasonColumn.name } : {}) } } : {}),
  };
  guesses.push(`Top box: the top 2 points of ${rangeText(scale)} count as positive (scale.topBox).`);
  guesses.push(`Bands: ${bandText(scale)}.`);
  guesses.push('Dimensions, indices and drivers: none; the report shows the items one by one until study.json groups them.');
  guesses.push(
    `Languages: ${languages.join(', ')}${options.languagesGiven ? '' : ' (the default; choose others with --languages)'}; every label is the file's own text${languages.length > 1 ? ', the same in each language, as a placeholder to translate' : ''}.`,
  );

  review.unshift(
    `Write the study's title and organisation (now ${quoted(title)} and ${quoted(String((study.organisation as Record<string, string>)[languages[0]]))}).`,
    ...(languages.length > 1 ? [`Translate the labels: each is the file's text in all of ${languages.join(', ')}.`] : []),
  );
  review.push('Group the items into dimensions and indices, and choose drivers if the study has them.');
  if (rows < 30) review.push(`The file has ${rows} row${rows === 1 ? '' : 's'}, fewer than minBase (30): figures below it are withheld; lower minBase only for a test.`);
  return { study, guesses, review };

  function codeList(c: ColumnProfile): string[] | undefined {
    if (!c.distinct) return undefined;
    const observed = [...c.distinct.keys()];
    const labelled = [...c.meta.valueLabels.keys()].filter((code) => !isMissing(c, code));
    const codes = [...new Set([...labelled, ...observed])];
    if (codes.some((code) => code.length > 100)) return undefined;
    const numeric = codes.every((code) => /^-?\d+(\.\d+)?$/.test(code));
    return numeric ? codes.sort((a, b) => Number(a) - Number(b)) : codes.sort();
  }
}

/** Whether every non-blank value of a column is a whole number from `min` to `max`. */
function codesWithin(c: ColumnProfile, min: number, max: number): boolean {
  const codes = integerCodes(c);
  return codes !== undefined && [...codes.keys()].every((v) => v >= min && v <= max);
}

/** Whether a code is one of the column's user-missing values. */
function isMissing(c: ColumnProfile, code: string): boolean {
  const { values, range } = c.meta.missing;
  if (values.includes(code)) return true;
  const x = Number(code);
  return range !== undefined && Number.isFinite(x) && x >= range[0] && x <= range[1];
}

/** A group code names a page and a commentary file. */
const groupCodeOk = (code: string) => code.length <= MAX_SLUG_LENGTH && !/[/\\]/.test(code) && !['drivers', 'trends', 'benchmark', 'method', 'tables', 'index'].includes(code.toLowerCase());

/** A name as an id: letters, digits, "_" and "-", starting with a letter. */
function slug(name: string): string {
  const s = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/^[-_]+|[-_]+$/g, '');
  return (/^[A-Za-z]/.test(s) ? s : `v-${s}`).slice(0, MAX_ID_LENGTH);
}

function uniqueId(id: string, taken: Set<string>): string {
  let candidate = id;
  for (let k = 2; taken.has(candidate.toLowerCase()); k++) candidate = `${id.slice(0, MAX_ID_LENGTH - 4)}-${k}`;
  taken.add(candidate.toLowerCase());
  return candidate;
}

/** "airline-passenger_satisfaction" → "Airline passenger satisfaction". */
function titleOf(name: string): string {
  const words =
    name
      .replace(/[-_.]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim() || 'Study';
  return words[0].toUpperCase() + words.slice(1);
}

function bandText(scale: Range): string {
  const bands = draftBands(scale, ['en']) as { min?: number; label: { en: string } }[];
  const list = bands.map((b) => (b.min === undefined ? `below ${bands[bands.length - 2].min!.toFixed(2)} ${b.label.en.toLowerCase()}` : `${b.min.toFixed(2)} ${b.label.en.toLowerCase()}`)).join(', ');
  const standard = scale[0] === 1 && scale[1] === 5;
  return `the standard five (${list})${standard ? '' : `, the thresholds 4.00, 3.50, 3.00 and 2.50 of the 1–5 scale carried over to ${rangeText(scale)} in proportion and rounded to two decimals`}, in the default colours`;
}
