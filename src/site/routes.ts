/**
 * The route table: every page of the report site, built once from the model. The
 * navigation, the edition and language switchers, the print report's contents and
 * order, and every page's `getStaticPaths` read it; nothing else lists the pages.
 */
import type { Lang } from '../study/schema.ts';
import type { EditionModel, ReportModel } from '../model/types.ts';
import { FIXED_SECTIONS } from '../study/sections.ts';
import { t } from '../i18n/index.ts';
import { groupSlug } from './view.ts';
import { hasBenchmark, trendIndicators } from './presence.ts';

/** The single-section pages: drivers, trends, benchmark, method, tables. */
export type SectionId = (typeof FIXED_SECTIONS)[number];

/** A chapter of an edition: the summary, the areas, the groups or a single section. */
export type ChapterId = 'summary' | 'areas' | 'groups' | SectionId;

/** What a page shows: the summary, one area, one group, one section, or the whole print report. */
export type RouteKind = 'summary' | 'area' | 'group' | 'section' | 'print';

/** One page of the site. */
export interface Route {
  lang: Lang;
  year: number;
  kind: RouteKind;
  /** The chapter the page belongs to ('print' for the print report). */
  chapter: ChapterId | 'print';
  /** The dimension id, group code or section id ('' for the summary and the print report). */
  id: string;
  /** The page's path below /<lang>/<year>/, without slashes at the ends ('' for the summary). */
  slug: string;
  /** The page's title in its language. */
  title: string;
  /** The id of the page's heading in the print report ('' for the print report itself). */
  anchor: string;
}

/** A chapter of an edition in one language, with its pages in reading order. */
export interface Chapter {
  id: ChapterId;
  label: string;
  /** The id of the chapter's heading in the print report. */
  anchor: string;
  /** Whether the pages are sub-pages (one per area or group) under the chapter's own heading. */
  sub: boolean;
  pages: Route[];
  /** The first page: where the chapter's link goes (a single-section chapter's only page). */
  first: Route;
}

/** The id prefix of the summary in the print report (its headings are `print-summary-…`). */
export const PRINT_SUMMARY_PREFIX = 'print-summary';

/**
 * Whether an edition has a single section: drivers only when the study defines them,
 * trends only when some headline figure or area has figures from an earlier edition,
 * the benchmark only when the edition has benchmark figures.
 */
function hasSection(model: ReportModel, edition: EditionModel, id: SectionId): boolean {
  if (id === 'drivers') return model.study.drivers !== undefined;
  if (id === 'trends') return trendIndicators(model, edition).length > 0;
  if (id === 'benchmark') return hasBenchmark(edition);
  return true;
}

/**
 * The chapters of an edition in reading order: the summary, one page per area, one per
 * stakeholder group, then the single sections the edition has. A chapter without pages
 * (no groups, no areas) is not there.
 */
export function chapters(model: ReportModel, edition: EditionModel, lang: Lang): Chapter[] {
  const page = (chapter: ChapterId, kind: RouteKind, id: string, slug: string, title: string, anchor: string): Route => ({ lang, year: edition.year, kind, chapter, id, slug, title, anchor });
  const single = (id: 'summary' | SectionId, kind: RouteKind, slug: string, anchor: string): Omit<Chapter, 'first'> => {
    const label = t(lang, `ui.${id}`);
    return { id, label, anchor, sub: false, pages: [page(id, kind, kind === 'summary' ? '' : id, slug, label, anchor)] };
  };
  const all: Omit<Chapter, 'first'>[] = [
    single('summary', 'summary', '', `${PRINT_SUMMARY_PREFIX}-title`),
    {
      id: 'areas',
      label: t(lang, 'ui.dimensions'),
      anchor: 'areas-h',
      sub: true,
      pages: edition.indicators.filter((i) => i.kind === 'dimension').map((d) => page('areas', 'area', d.id, `areas/${d.id}`, d.label[lang], `area-${d.id}-h`)),
    },
    {
      id: 'groups',
      label: t(lang, 'ui.groups'),
      anchor: 'groups-h',
      sub: true,
      pages: model.study.groups.map((g, i) => page('groups', 'group', g.code, `groups/${groupSlug(model.study, g.code)}`, g.label[lang], `group-${i}-h`)),
    },
    ...FIXED_SECTIONS.filter((id) => hasSection(model, edition, id)).map((id) => single(id, 'section', id, `${id}-h`)),
  ];
  return all.flatMap((c) => {
    const [first] = c.pages;
    return first ? [{ ...c, first }] : [];
  });
}

/** Why an edition has no page for a single section whose commentary was written. */
export type MissingSectionReason = 'no-drivers' | 'first-edition' | 'no-trend' | 'no-benchmark';

/**
 * The commentary an edition's pages would not show: a file for a single section the
 * edition does not have (trends in the first edition, the benchmark without benchmark
 * figures, drivers without a driver analysis), with the reason.
 */
export function commentaryWithoutPage(model: ReportModel): { year: number; lang: Lang; section: SectionId; reason: MissingSectionReason }[] {
  return model.editions.flatMap((edition) =>
    model.study.languages.flatMap((lang) => {
      const written = Object.keys(edition.editorial[lang]?.sections ?? {});
      return FIXED_SECTIONS.filter((id) => written.includes(id) && !hasSection(model, edition, id)).map((section) => {
        const reason: MissingSectionReason =
          section === 'drivers' ? 'no-drivers' : section === 'benchmark' ? 'no-benchmark' : model.editions.some((e) => e.year < edition.year) ? 'no-trend' : 'first-edition';
        return { year: edition.year, lang, section, reason };
      });
    }),
  );
}

/** The print report of an edition: every chapter on one page. */
export function printRoute(edition: EditionModel, lang: Lang): Route {
  return { lang, year: edition.year, kind: 'print', chapter: 'print', id: '', slug: 'print', title: t(lang, 'ui.print'), anchor: '' };
}

/** Every page of the site: per language and edition, the chapters' pages in reading order, then the print report. */
export function routes(model: ReportModel): Route[] {
  return model.study.languages.flatMap((lang) => model.editions.flatMap((e) => [...chapters(model, e, lang).flatMap((c) => c.pages), printRoute(e, lang)]));
}

/** The site path of a page: /<lang>/<year>/<slug>/. */
export function href(lang: Lang, year: number, slug = ''): string {
  return `/${lang}/${year}/${slug ? `${slug}/` : ''}`;
}

/** The site path of a route. */
export function routeHref(route: Pick<Route, 'lang' | 'year' | 'slug'>): string {
  return href(route.lang, route.year, route.slug);
}

/** The route parameters of a page, as its file under src/pages/[lang]/[year]/ names them. */
function paramsOf(route: Route): Record<string, string> {
  const base = { lang: route.lang, year: String(route.year) };
  if (route.kind === 'area' || route.kind === 'group') return { ...base, id: route.slug.slice(route.slug.indexOf('/') + 1) };
  if (route.kind === 'section') return { ...base, section: route.id };
  return base;
}

/** `getStaticPaths` of the pages of one kind: each route's parameters, and the route as the page's props. */
export function staticPaths(model: ReportModel, kind: RouteKind): { params: Record<string, string>; props: { route: Route } }[] {
  return routes(model)
    .filter((r) => r.kind === kind)
    .map((route) => ({ params: paramsOf(route), props: { route } }));
}
