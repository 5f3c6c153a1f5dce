/**
 * A page's navigation, read from the route table: the chapter links, the pages of the
 * current chapter, the edition switcher, the other languages and the print contents.
 */
import type { Lang } from '../study/schema.ts';
import { t } from '../i18n/index.ts';
import type { PageContext } from './page-context.ts';
import { chapters, href, printRoute, routeHref, type Route } from './routes.ts';

export interface NavLink {
  label: string;
  href: string;
  current: boolean;
}

/** A chapter link: the chapter's first page; current on any of its pages. */
export function chapterLinks(ctx: PageContext): NavLink[] {
  return chapters(ctx.model, ctx.edition, ctx.lang).map((c) => ({ label: c.label, href: ctx.url(routeHref(c.first)), current: c.pages.some((p) => p.slug === ctx.route.slug) }));
}

/** The pages of the current chapter, when it has more than one (every area, every group), so each one is reachable. */
export function subNavigation(ctx: PageContext): { label: string; links: NavLink[] } | undefined {
  const chapter = chapters(ctx.model, ctx.edition, ctx.lang).find((c) => c.pages.length > 1 && c.pages.some((p) => p.slug === ctx.route.slug));
  if (!chapter) return undefined;
  return { label: chapter.label, links: chapter.pages.map((p) => ({ label: p.title, href: ctx.url(routeHref(p)), current: p.slug === ctx.route.slug })) };
}

export interface EditionLink {
  year: number;
  /** The year, and the draft mark on a draft. */
  label: string;
  href: string;
  current: boolean;
}

/** Whether an edition has the page in a language (the print report is not a page of the switcher). */
const hasPage = (all: readonly Route[], lang: Lang, year: number, slug: string) => all.some((r) => r.lang === lang && r.year === year && r.slug === slug && r.kind !== 'print');

/** The same page in every edition, latest first; the summary where an edition does not have the page. */
export function editionLinks(ctx: PageContext): EditionLink[] {
  const { lang, route } = ctx;
  return [...ctx.model.editions].reverse().map((e) => ({
    year: e.year,
    label: `${e.year}${e.status === 'draft' ? ` (${ctx.t('ui.draft')})` : ''}`,
    href: ctx.url(href(lang, e.year, hasPage(ctx.routes, lang, e.year, route.slug) ? route.slug : '')),
    current: e.year === route.year,
  }));
}

/** The same page in the other languages, each named in its own language. */
export function languageLinks(ctx: PageContext): { lang: Lang; name: string; href: string }[] {
  const { route } = ctx;
  return ctx.routes.filter((r) => r.year === route.year && r.slug === route.slug && r.lang !== route.lang).map((r) => ({ lang: r.lang, name: t(r.lang, 'ui.langName'), href: ctx.url(routeHref(r)) }));
}

/** On an edition older than the latest, the link to the same page in the latest edition. */
export function latestLink(ctx: PageContext): { text: string; linkText: string; href: string } | undefined {
  const latest = ctx.model.latestYear;
  if (latest === undefined || ctx.edition.year >= latest) return undefined;
  return { text: ctx.t('ui.olderNotice', { year: ctx.edition.year }), linkText: ctx.t('ui.olderLink', { latest }), href: ctx.url(href(ctx.lang, latest, ctx.route.slug)) };
}

/** The edition's summary and its print report, in the page's language. */
export function editionHome(ctx: PageContext): { summary: string; print: string } {
  return { summary: ctx.url(href(ctx.lang, ctx.edition.year)), print: ctx.url(routeHref(printRoute(ctx.edition, ctx.lang))) };
}

export interface ContentsEntry {
  id: string;
  label: string;
  children?: { id: string; label: string }[];
}

/** The print report's table of contents, in its order; ids are the chapters' and pages' heading ids. */
export function printContents(ctx: Pick<PageContext, 'model' | 'edition' | 'lang'>): ContentsEntry[] {
  return chapters(ctx.model, ctx.edition, ctx.lang).map((c) =>
    c.sub ? { id: c.anchor, label: c.label, children: c.pages.map((p) => ({ id: p.anchor, label: p.title })) } : { id: c.anchor, label: c.label },
  );
}
