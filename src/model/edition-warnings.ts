/**
 * Warnings about an edition's figures, from facts the model assembly found:
 * pure functions that name the edition, the domain and what to check.
 */
import type { DomainWeightShare } from '../estimate/index.ts';
import type { EditionData, InputIssue } from '../load/types.ts';
import type { Study } from '../study/schema.ts';
import type { DriverExclusionFacts, DriverGapFacts } from './assemble-edition.ts';
import type { Domain, EditionModel } from './types.ts';

/** A domain as messages name it: all respondents, group "public", age "18-34". */
export function domainName(domain: Domain): string {
  if (domain.breakdown === 'total') return 'all respondents';
  return `${domain.breakdown} "${domain.code}"`;
}

const quoted = (ids: readonly string[]) => ids.map((id) => `"${id}"`).join(', ');
const percent = (share: number) => `${(100 * share).toFixed(1)} %`;
const oneDecimal = (x: number) => x.toFixed(1);
const listed = (parts: readonly string[], most = 6) => (parts.length <= most ? parts.join(', ') : `${parts.slice(0, most).join(', ')} and ${parts.length - most} more`);

/** The items a dimension or index is built from (an item: itself). */
export function componentItems(study: Study, id: string): string[] {
  const dimension = study.dimensions.find((d) => d.id === id);
  if (dimension) return [...dimension.items];
  const index = study.indices.find((x) => x.id === id);
  if (index) return index.items ? [...index.items] : (index.dimensions ?? []).flatMap((d) => componentItems(study, d));
  return study.items.some((item) => item.id === id) ? [id] : [];
}

/** Whether the same of `items` lack valid answers in two editions (so the same ones contribute). */
export function sameMissingItems(items: readonly string[], now: readonly string[] | undefined, before: readonly string[] | undefined): boolean {
  return items.every((id) => (now?.includes(id) ?? false) === (before?.includes(id) ?? false));
}

/**
 * Domains whose figures the weights withhold: one warning per respondent who
 * carries more than MAX_WEIGHT_SHARE of some domains' weight, and one per
 * other domain with figures withheld because the effective n of their answers
 * is below the minimum base.
 */
export function weightWarnings(
  study: Study,
  data: EditionData,
  domains: readonly Domain[],
  shares: readonly DomainWeightShare[],
  dominated: ReadonlySet<string>,
  notes: EditionModel['suppressionNotes'],
): InputIssue[] {
  const out: InputIssue[] = [];
  const hint = 'Check the weights: trim or cap extreme weights (or correct a wrong value) so that no figure rests on a few respondents, and compute again.';
  const respondent = (row: number) => `respondent no. ${row + 1} of the ${data.n} rows used`;
  const byRow = new Map<number, number[]>();
  domains.forEach((d, k) => {
    // A domain below the minimum base shows nothing anyway: no news in a warning.
    if (!dominated.has(d.key) || shares[k].n < study.minBase) return;
    const row = shares[k].largestRow;
    byRow.set(row, [...(byRow.get(row) ?? []), k]);
  });
  for (const [row, ks] of byRow) {
    const parts = ks.map((k) => `${domainName(domains[k])} (${percent(shares[k].largestShare)} of its weight, n = ${shares[k].n}, effective n ${oneDecimal(shares[k].effectiveN)})`);
    out.push({
      severity: 'warning',
      file: data.file,
      value: String(data.weight[row]),
      message: `edition ${data.year}: one respondent (${respondent(row)}, weight ${data.weight[row]}) carries more than half the weight of ${listed(parts, 20)}: every figure of ${ks.length === 1 ? 'that domain' : 'those domains'} is withheld`,
      hint,
    });
  }
  domains.forEach((d, k) => {
    if (dominated.has(d.key)) return;
    const withheld = notes.filter((n) => n.domain === d.key && n.reason === 'weight').map((n) => n.indicator);
    if (withheld.length === 0) return;
    const s = shares[k];
    out.push({
      severity: 'warning',
      file: data.file,
      message: `edition ${data.year}: ${withheld.length} figure${withheld.length === 1 ? '' : 's'} of ${domainName(d)} (${listed(withheld.map((id) => `"${id}"`))}) ${withheld.length === 1 ? 'is' : 'are'} withheld: the effective sample size of the answers is below minBase ${study.minBase} (the domain's is ${oneDecimal(s.effectiveN)} of n = ${s.n}; its largest weight, ${s.largestWeight} of ${respondent(s.largestRow)}, is ${percent(s.largestShare)} of its weight)`,
      hint,
    });
  });
  return out;
}

/**
 * Items with no valid answer in the edition, and the dimensions and indices
 * not compared with the previous edition because their items differ.
 */
export function itemWarnings(
  study: Study,
  data: EditionData,
  domains: readonly Domain[],
  missing: Readonly<Record<string, string[]>>,
  notCompared: readonly { indicator: string; domain: string }[],
  previousYear: number | undefined,
  previousMissing: Readonly<Record<string, string[]>> | undefined,
): InputIssue[] {
  const out: InputIssue[] = [];
  const builtOn = (item: string) => [...study.dimensions, ...study.indices].filter((x) => componentItems(study, x.id).includes(item)).map((x) => x.id);
  for (const item of missing.total ?? []) {
    const users = builtOn(item);
    out.push({
      severity: 'warning',
      file: data.file,
      column: item,
      message: `item "${item}" has no valid answer in edition ${data.year}${users.length > 0 ? `: ${quoted(users)} ${users.length === 1 ? 'is' : 'are'} computed without it` : ''}`,
      hint: 'Check that the column holds the answers of this edition (a question left out of the questionnaire, a renamed or emptied column).',
    });
  }
  if (previousYear === undefined) return out;
  // The comparisons left out, by the items that differ and then the domains.
  const groups = new Map<string, { items: string[]; indicators: Set<string>; domains: string[] }>();
  for (const { indicator, domain } of notCompared) {
    const now = missing[domain] ?? [];
    const before = previousMissing?.[domain] ?? [];
    const items = componentItems(study, indicator).filter((id) => now.includes(id) !== before.includes(id));
    const key = items.join(',');
    const g = groups.get(key) ?? { items, indicators: new Set<string>(), domains: [] };
    g.indicators.add(indicator);
    if (!g.domains.includes(domain)) g.domains.push(domain);
    groups.set(key, g);
  }
  for (const g of groups.values()) {
    const names = domains.filter((d) => g.domains.includes(d.key)).map(domainName);
    const indicators = [...g.indicators];
    out.push({
      severity: 'warning',
      file: data.file,
      message: `edition ${data.year}: ${quoted(indicators)} ${indicators.length === 1 ? 'is' : 'are'} not compared with ${previousYear} (${listed(names, 12)}): item${g.items.length === 1 ? '' : 's'} ${quoted(g.items)} ${g.items.length === 1 ? 'has' : 'have'} valid answers in only one of the two editions, so different items contribute`,
      hint: 'Nothing to do if the question was left out on purpose; the change from the previous edition is not shown for these figures.',
    });
  }
  return out;
}

/** Driver predictors left out, and driver analyses that cannot be made for another reason than the base or a withheld figure. */
export function driverWarnings(study: Study, data: EditionData, domains: readonly Domain[], gaps: readonly DriverGapFacts[], excluded: readonly DriverExclusionFacts[]): InputIssue[] {
  const out: InputIssue[] = [];
  const name = (key: string) => domainName(domains.find((d) => d.key === key)!);
  const respondentsWho = 'respondents who answered the outcome and every predictor';
  const answered = `the ${respondentsWho}`;
  // One warning per predictor and reason, with the domains it holds in.
  const byPredictor = new Map<string, { text: string; domains: string[] }>();
  for (const e of excluded) {
    for (const x of e.excluded) {
      const text =
        x.reason === 'constant'
          ? `driver predictor "${x.id}" has the same value for all of ${answered}`
          : `driver predictor "${x.id}" is an exact linear combination of ${quoted(x.with ?? [])} among ${answered}`;
      const entry = byPredictor.get(text) ?? { text, domains: [] };
      entry.domains.push(`${name(e.domain)}, n = ${e.n}`);
      byPredictor.set(text, entry);
    }
  }
  for (const { text, domains: where } of byPredictor.values()) {
    out.push({
      severity: 'warning',
      file: data.file,
      message: `edition ${data.year}: ${text} (${listed(where, 12)}): the key-driver analysis runs without it there`,
      hint: 'Check the predictor in study.json (drivers.predictors) and its answers; a predictor that does not vary, or repeats others, explains nothing of its own.',
    });
  }
  for (const g of gaps) {
    const why =
      g.reason === 'outcome'
        ? `the outcome "${study.drivers?.outcome}" has the same value for all ${g.n} ${respondentsWho}`
        : g.reason === 'predictors'
          ? `no predictor varies independently of the others among the ${g.n} ${respondentsWho}`
          : g.reason === 'weight'
            ? `the ${g.n} ${respondentsWho} have an effective sample size of ${oneDecimal(g.effectiveN)}, below minBase ${study.minBase}`
            : undefined;
    if (why === undefined) continue;
    out.push({ severity: 'warning', file: data.file, message: `edition ${data.year}: no key-driver analysis for ${name(g.domain)}: ${why}` });
  }
  return out;
}
