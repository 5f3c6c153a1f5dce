/**
 * Every table the site shows for an edition in one language, by chapter: what the
 * workbook download holds. Built from the same views the pages render, so that the
 * workbook and the site cannot disagree.
 */
import type { Lang } from '../study/schema.ts';
import type { EditionModel, ReportModel } from '../model/types.ts';
import { formatCount } from '../format/number.ts';
import { formatDate, t } from '../i18n/index.ts';
import { methodParagraphs, respondentsTable } from './method.ts';
import { pageContext } from './page-context.ts';
import { chapters, type ChapterId } from './routes.ts';
import { areaView, benchmarkView, driversView, groupView, summaryView, tablesView, trendFigures } from './sections.ts';
import type { TableView } from './tables.ts';
import { bandRanges, headlines } from './view.ts';
import type { FigureView } from './figures.ts';

/** One chapter's tables, each with its caption. */
export interface ReportSheet {
  chapter: ChapterId;
  /** The chapter's name in the language. */
  title: string;
  tables: (TableView & { caption: string })[];
}

const captioned = (f: FigureView): TableView & { caption: string } => ({ ...f.table, caption: f.table.caption ?? f.caption });

/** The tables of each chapter of an edition, in the site's reading order. */
export function reportSheets(model: ReportModel, edition: EditionModel, lang: Lang): ReportSheet[] {
  return chapters(model, edition, lang).map((chapter) => {
    const ctx = pageContext(model, chapter.first);
    const tables = ((): (TableView & { caption: string })[] => {
      switch (chapter.id) {
        case 'summary': {
          const view = summaryView(ctx, 'summary');
          return [headlineTable(ctx.model, edition, lang), ...(view.areas ? [captioned(view.areas)] : []), ...(view.nps ? [captioned(view.nps)] : [])];
        }
        case 'areas':
          return chapter.pages.flatMap((page) => {
            const v = areaView(pageContext(model, page), page);
            return [v.items, v.distribution, ...(v.groups ? [v.groups] : []), ...(v.trend ? [v.trend] : [])].map(captioned);
          });
        case 'groups':
          return chapter.pages.flatMap((page) => {
            const v = groupView(pageContext(model, page), page);
            return [captioned(v.profile), { ...v.table, caption: v.table.caption ?? page.title }];
          });
        case 'benchmark': {
          const v = benchmarkView(ctx);
          return [captioned(v.figure), ...v.tables.map((x) => ({ ...x, caption: x.caption ?? chapter.label }))];
        }
        case 'drivers':
          return driversView(ctx).charts.map((c) => captioned(c.figure));
        case 'trends':
          return trendFigures(ctx).map(captioned);
        case 'tables':
          return tablesView(ctx, chapter.first).map((x) => ({ ...x, caption: x.caption ?? chapter.label }));
        case 'method': {
          const respondents = respondentsTable(model, edition, lang);
          const bands: TableView & { caption: string } = {
            caption: t(lang, 'ui.bands'),
            head: [t(lang, 'ui.band'), t(lang, 'ui.score')],
            numeric: [false, false],
            rows: bandRanges(model.study, lang).map((b) => [{ text: b.label }, { text: b.range }]),
          };
          return [{ ...respondents, caption: respondents.caption ?? chapter.label }, bands];
        }
      }
    })();
    return { chapter: chapter.id, title: chapter.label, tables };
  });
}

/** The headline figures of the summary's cards as a table. */
export function headlineTable(model: ReportModel, edition: EditionModel, lang: Lang): TableView & { caption: string } {
  const cards = headlines({ model, edition, lang });
  const withChange = edition.previousYear !== undefined;
  return {
    caption: t(lang, 'ui.headline'),
    head: [t(lang, 'ui.indicator'), t(lang, 'ui.score'), t(lang, 'ui.band'), t(lang, 'ui.n'), ...(withChange ? [t(lang, 'ui.changeFrom', { year: edition.previousYear ?? '' })] : [])],
    numeric: [false, true, false, true, ...(withChange ? [true] : [])],
    rows: cards.map((c) => [{ text: c.label }, { text: c.value }, { text: c.band?.label ?? '–' }, { text: c.n }, ...(withChange ? [{ text: c.change }] : [])]),
  };
}

/** The cover of a download: what the study and edition are, where the figures come from, and what the marks mean. */
export function aboutRows(model: ReportModel, edition: EditionModel, lang: Lang): { facts: [string, string][]; notes: { heading: string; paragraphs: string[] }[] } {
  const status = edition.published ? `${t(lang, 'ui.published')} ${formatDate(edition.published, lang)}` : `${t(lang, 'ui.draft')} · ${t(lang, 'ui.built')} ${formatDate(model.builtOn, lang)}`;
  return {
    facts: [
      [t(lang, 'office.study'), model.study.title[lang]],
      [t(lang, 'office.organisation'), model.study.organisation[lang]],
      [t(lang, 'ui.edition'), String(edition.year)],
      [t(lang, 'ui.version'), `${edition.version} · ${status}`],
      [t(lang, 'ui.respondents'), formatCount(edition.respondents.n, lang)],
      [t(lang, 'ui.dataHash'), edition.inputHash.slice(0, 12)],
      [t(lang, 'ui.tool'), model.toolVersion],
    ],
    notes: [
      {
        heading: t(lang, 'office.marks'),
        paragraphs: [
          t(lang, 'ui.suppressedNote', { base: model.study.minBase }),
          t(lang, 'office.starNote'),
          t(lang, 'office.roundedNote'),
          ...(edition.status === 'draft' ? [t(lang, 'ui.draftNotice')] : []),
        ],
      },
      ...methodParagraphs(model, edition, lang),
    ],
  };
}
