import type { Lang } from '../study/schema.ts';
import type { EditionModel, ReportModel } from '../model/types.ts';
import { formatNumber, formatP, formatSigned } from '../format/number.ts';
import { t } from './i18n.ts';
import type { TableView } from './tables.ts';
import { cellText, decimalsFor } from './view.ts';

/** Own figure, benchmark, difference and its test, for every indicator with a benchmark in a domain. */
export function benchmarkTable(model: ReportModel, edition: EditionModel, domain: string, lang: Lang): TableView | undefined {
  const rows = edition.indicators
    .filter((x) => x.stats[domain]?.benchmark && x.stats[domain]!.mean.shown)
    .map((x) => {
      const s = x.stats[domain]!;
      const b = s.benchmark!;
      const d = decimalsFor(x);
      const c = b.comparison;
      return [
        { text: x.label[lang] },
        { text: cellText(s.mean, lang, model.study, d) },
        { text: formatNumber(b.mean, d, lang) },
        { text: c ? formatSigned(c.difference, d, lang) + (c.significant ? '*' : '') : '–' },
        { text: c ? formatP(c.p, lang) : '–' },
      ];
    });
  if (rows.length === 0) return undefined;
  const label = domain === 'total' ? t(lang, 'total') : (edition.domains.find((x) => x.key === domain)?.label[lang] ?? domain);
  return {
    caption: `${t(lang, 'benchmark')}: ${label}`,
    head: [t(lang, 'indicator'), model.study.organisation[lang], t(lang, 'benchmarkValue'), t(lang, 'difference'), 'p'],
    numeric: [false, true, true, true, true],
    rows,
  };
}
