import type { Lang } from '../study/schema.ts';
import type { EditionModel, ReportModel } from '../model/types.ts';
import { t } from './i18n.ts';

/** The print report's table of contents; ids match the sections' headings. */
export function printContents(model: ReportModel, edition: EditionModel, lang: Lang): { id: string; label: string; children?: { id: string; label: string }[] }[] {
  const dims = edition.indicators.filter((i) => i.kind === 'dimension');
  return [
    { id: 'print-summary-title', label: t(lang, 'summary') },
    { id: 'areas-h', label: t(lang, 'dimensions'), children: dims.map((d) => ({ id: `area-${d.id}-h`, label: d.label[lang] })) },
    { id: 'groups-h', label: t(lang, 'groups'), children: model.study.groups.map((g, i) => ({ id: `group-${i}-h`, label: g.label[lang] })) },
    ...(model.study.drivers ? [{ id: 'drivers-h', label: t(lang, 'drivers') }] : []),
    { id: 'trends-h', label: t(lang, 'trends') },
    ...(model.study.benchmarkSource ? [{ id: 'benchmark-h', label: t(lang, 'benchmark') }] : []),
    { id: 'method-h', label: t(lang, 'method') },
    { id: 'tables-h', label: t(lang, 'tables') },
  ];
}
