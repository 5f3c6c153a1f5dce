import { formatNumber, formatP, formatSigned } from '../format/number.ts';
import type { PageContext } from './page-context.ts';
import type { TableView } from './tables.ts';
import { cellText, decimalsFor } from './view.ts';
import { hasGroups } from './presence.ts';

/** Own figure, benchmark, difference and its test, for every indicator with a benchmark in a domain. */
export function benchmarkTable(ctx: PageContext, domain: string): TableView | undefined {
  const { model, edition, lang, t } = ctx;
  const rows = edition.indicators.flatMap((x) => {
    const s = x.stats[domain];
    const b = s?.benchmark;
    if (!s || !b || !s.mean.shown) return [];
    const d = decimalsFor(x);
    const c = b.comparison;
    return [
      [
        { text: x.label[lang] },
        { text: cellText(s.mean, lang, model.study, d) },
        { text: formatNumber(b.mean, d, lang) },
        { text: c ? formatSigned(c.difference, d, lang) + (c.significant ? '*' : '') : '–' },
        { text: c ? formatP(c.p, lang) : '–' },
      ],
    ];
  });
  if (rows.length === 0) return undefined;
  return {
    caption: hasGroups(ctx.study) ? `${t('ui.benchmark')}: ${ctx.domainLabel(domain)}` : t('ui.benchmark'),
    head: [t('ui.indicator'), model.study.organisation[lang], t('ui.benchmarkValue'), t('ui.difference'), 'p'],
    numeric: [false, true, true, true, true],
    rows,
  };
}
