/**
 * The page context: what every component of a page reads, built once per page from
 * the model and the page's route. Components render it; they look nothing up.
 */
import type { Lang } from '../study/schema.ts';
import type { EditionModel, ReportModel, StudyMeta } from '../model/types.ts';
import { formatCount, formatNumber, formatP, formatPercent, formatSigned } from '../format/number.ts';
import { formatDate, quoteText, t as text, type TextKey } from '../i18n/index.ts';
import { reportDomainKeys, TOTAL, type DomainKey } from './domain-key.ts';
import { routes, type Route } from './routes.ts';
import { editionOf } from './view.ts';
import { rebaseLinks, withBase } from './site-path.ts';

/** The interface text `key` in the page's language, with {placeholders} filled in. */
export type Translate = (key: TextKey, values?: Record<string, string | number>) => string;

/** Numbers and dates as written in the page's language. */
export interface Locale {
  lang: Lang;
  number(x: number, decimals: number): string;
  signed(x: number, decimals: number): string;
  percent(share: number, decimals?: number): string;
  count(n: number): string;
  p(p: number): string;
  date(iso: string): string;
  /** A name in the language's quotation marks (”…” in Finnish, “…” in English). */
  quote(text: string): string;
}

/** A domain the report shows side by side with the others: the total or a stakeholder group. */
export interface DomainView {
  key: DomainKey;
  label: string;
}

export interface PageContext {
  model: ReportModel;
  study: StudyMeta;
  /** The page. */
  route: Route;
  /** Every page of the site. */
  routes: Route[];
  edition: EditionModel;
  /** The edition before this one, if any. */
  previous?: EditionModel;
  lang: Lang;
  t: Translate;
  locale: Locale;
  /** The total, then every stakeholder group, with their labels. */
  domains: DomainView[];
  /** The label of any domain of the edition (the total, a group, a background class); the key when unknown. */
  domainLabel(key: string): string;
  /** The edition's areas (dimension ids), in the study's order. */
  dimensions: string[];
  /** The path the site is served under ("/" or "/reports/kaukovesi/"). */
  base: string;
  /** A site path ("/en/2025/", "/downloads/…") as the page links to it: under the base. */
  url(path: string): string;
}

export function translator(lang: Lang): Translate {
  return (key, values) => text(lang, key, values);
}

export function localeOf(lang: Lang): Locale {
  return {
    lang,
    number: (x, decimals) => formatNumber(x, decimals, lang),
    signed: (x, decimals) => formatSigned(x, decimals, lang),
    percent: (share, decimals) => formatPercent(share, lang, decimals),
    count: (n) => formatCount(n, lang),
    p: (p) => formatP(p, lang),
    date: (iso) => formatDate(iso, lang),
    quote: (quoted) => quoteText(quoted, lang),
  };
}

/** The label of a domain of an edition: 'All respondents' for the total, else the domain's own; the key when unknown. */
export function domainLabeller(edition: EditionModel, lang: Lang): (key: string) => string {
  return (key) => (key === TOTAL ? text(lang, 'ui.total') : (edition.domains.find((d) => d.key === key)?.label[lang] ?? key));
}

/** The edition with the links of its commentary in `lang` under the base path. */
function rebasedEdition(edition: EditionModel, lang: Lang, base: string): EditionModel {
  const editorial = edition.editorial[lang];
  if (base === '/' || !editorial) return edition;
  const sections = Object.fromEntries(Object.entries(editorial.sections).map(([id, html]) => [id, rebaseLinks(html, base)]));
  return { ...edition, editorial: { ...edition.editorial, [lang]: { ...editorial, summaryHtml: rebaseLinks(editorial.summaryHtml, base), sections } } };
}

/**
 * The context of one page: its edition, the one before it, its language and the domains
 * it shows; its links under `base` (a normalised base path, "/" by default).
 */
export function pageContext(model: ReportModel, route: Route, base = '/'): PageContext {
  const { lang } = route;
  const edition = rebasedEdition(editionOf(model, route.year), lang, base);
  const previous = edition.previousYear !== undefined ? model.editions.find((e) => e.year === edition.previousYear) : undefined;
  const t = translator(lang);
  const domainLabel = domainLabeller(edition, lang);
  return {
    model,
    study: model.study,
    route,
    routes: routes(model),
    edition,
    ...(previous ? { previous } : {}),
    lang,
    t,
    locale: localeOf(lang),
    domains: reportDomainKeys(model.study.groups).map((key) => ({ key, label: domainLabel(key) })),
    domainLabel,
    dimensions: edition.indicators.filter((i) => i.kind === 'dimension').map((i) => i.id),
    base,
    url: (path) => withBase(base, path),
  };
}
