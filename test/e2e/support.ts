/**
 * Shared helpers of the end-to-end tests: a served site with one Chromium for a
 * test file, a crawler that visits every internal page with a small pool of
 * tabs, and the facts each page reports about itself.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from '../../src/pdf/browser.ts';
import { serveStatic } from '../../src/io/static-server.ts';
import { AxeBuilder } from '@axe-core/playwright';

export interface ServedSite {
  origin: string;
  browser: Browser;
  close(): Promise<void>;
}

/** Serves a built site and launches Chromium (as the PDF export finds it). */
export async function openSite(dir: string): Promise<ServedSite> {
  const server = await serveStatic(dir);
  try {
    const { browser } = await launchBrowser();
    return {
      origin: server.origin,
      browser,
      close: async () => {
        await browser.close();
        await server.close();
      },
    };
  } catch (error) {
    await server.close();
    throw error;
  }
}

/** What a rendered page says about itself (collected inside the page). */
export interface PageFacts {
  title: string;
  headings: { level: number; text: string }[];
  /** Every href of an <a> (HTML or SVG), resolved against the page. */
  links: string[];
  ids: string[];
  /** aria-labelledby / aria-describedby / for / href="#…" references to ids the page lacks. */
  danglingRefs: string[];
  scripts: number;
  /** Elements with an on* attribute (event handler). */
  handlers: string[];
  bodyText: string;
}

export async function pageFacts(page: Page): Promise<PageFacts> {
  return page.evaluate(() => {
    const all = [...document.querySelectorAll('*')];
    const ids = all.filter((e) => e.hasAttribute('id')).map((e) => e.getAttribute('id')!);
    const idSet = new Set(ids);
    const dangling: string[] = [];
    for (const e of all) {
      for (const attr of ['aria-labelledby', 'aria-describedby', 'aria-controls']) {
        for (const ref of (e.getAttribute(attr) ?? '').split(/\s+/).filter(Boolean)) if (!idSet.has(ref)) dangling.push(`${attr}=${ref}`);
      }
      const forId = e.tagName === 'LABEL' ? e.getAttribute('for') : null;
      if (forId && !idSet.has(forId)) dangling.push(`for=${forId}`);
      // SVG paint servers, clip paths and markers referred to by url(#id) or href="#id".
      for (const attr of ['fill', 'stroke', 'clip-path', 'mask', 'filter', 'marker-start', 'marker-mid', 'marker-end']) {
        const m = /url\(#([^)]+)\)/.exec(e.getAttribute(attr) ?? '');
        if (m && !idSet.has(m[1]!)) dangling.push(`${attr}=url(#${m[1]})`);
      }
      if (e.tagName.toLowerCase() === 'use') {
        const h = e.getAttribute('href') ?? e.getAttribute('xlink:href') ?? '';
        if (h.startsWith('#') && !idSet.has(h.slice(1))) dangling.push(`use=${h}`);
      }
    }
    const handlers = all.filter((e) => [...e.attributes].some((a) => /^on/i.test(a.name))).map((e) => e.outerHTML.slice(0, 120));
    const links = [...document.querySelectorAll('a')]
      .map((a) => a.getAttribute('href') ?? a.getAttribute('xlink:href'))
      .filter((h): h is string => h !== null)
      .map((h) => new URL(h, location.href).href);
    return {
      title: document.title,
      headings: [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => ({ level: Number(h.tagName[1]), text: (h.textContent ?? '').trim() })),
      links,
      ids,
      danglingRefs: dangling,
      scripts: document.querySelectorAll('script').length,
      handlers,
      // biome-ignore lint/performance/useDomNodeTextContent: the text as rendered, without hidden parts
      bodyText: document.body.innerText,
    };
  });
}

/** Problems of a heading outline: not starting at one h1, or skipping a level on the way down. */
export function headingProblems(headings: { level: number; text: string }[]): string[] {
  const problems: string[] = [];
  const h1s = headings.filter((h) => h.level === 1).length;
  if (h1s !== 1) problems.push(`${h1s} h1 elements`);
  if (headings[0] && headings[0].level !== 1) problems.push(`first heading is h${headings[0].level} "${headings[0].text}"`);
  for (let i = 1; i < headings.length; i++) {
    const prev = headings[i - 1]!;
    const h = headings[i]!;
    if (h.level > prev.level + 1) problems.push(`h${prev.level} "${prev.text}" is followed by h${h.level} "${h.text}"`);
  }
  return problems;
}

export function duplicates(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const v of values) (seen.has(v) ? dup : seen).add(v);
  return [...dup];
}

export interface CrawledPage {
  path: string;
  status: number;
  facts?: PageFacts;
  consoleErrors: string[];
}

export interface CrawlResult {
  pages: Map<string, CrawledPage>;
  /** Non-page targets (downloads, PDFs) with their status and size. */
  files: Map<string, { status: number; bytes: number; contentType: string }>;
  /** Which page linked to which internal URL (path + fragment). */
  linksFrom: Map<string, Set<string>>;
  /** Sub-resources that failed (status ≥ 400 or network failure), with the page that asked. */
  failedResources: string[];
  /** Every script request (there should be none). */
  scriptRequests: string[];
}

/** A path is a page when it ends with "/" (the site's trailing-slash URLs). */
export const isPage = (path: string) => path.endsWith('/');

/**
 * Visits `start` and every internal page linked from a visited page, `concurrency`
 * tabs at a time; files (downloads) are fetched, not rendered. Links into `/pdf/`
 * are recorded in `linksFrom` but not fetched: a test of their own checks them.
 */
export async function crawl(context: BrowserContext, origin: string, start: string[], options: { concurrency?: number } = {}): Promise<CrawlResult> {
  const result: CrawlResult = { pages: new Map(), files: new Map(), linksFrom: new Map(), failedResources: [], scriptRequests: [] };
  const queue: string[] = [];
  const seen = new Set<string>();
  const enqueue = (path: string) => {
    if (!seen.has(path)) {
      seen.add(path);
      queue.push(path);
    }
  };
  start.forEach(enqueue);
  context.on('request', (req) => {
    if (req.resourceType() === 'script' || /\.m?js(\?|$)/.test(new URL(req.url()).pathname)) result.scriptRequests.push(req.url());
  });
  context.on('requestfailed', (req) => {
    const error = req.failure()?.errorText ?? 'failed';
    // A tab moving on to the next page cancels its fonts still loading: not a failure.
    if (error !== 'net::ERR_ABORTED') result.failedResources.push(`${req.url()} (${error})`);
  });
  context.on('response', (res) => {
    if (res.status() >= 400 && res.request().resourceType() !== 'document') result.failedResources.push(`${res.url()} (${res.status()})`);
  });

  const visit = async (page: Page, path: string) => {
    const url = origin + path;
    if (!isPage(path)) {
      const res = await context.request.get(url, { failOnStatusCode: false });
      const body = await res.body();
      result.files.set(path, { status: res.status(), bytes: body.length, contentType: res.headers()['content-type'] ?? '' });
      return;
    }
    const consoleErrors: string[] = [];
    const onConsole = (m: { type(): string; text(): string }) => {
      if (m.type() === 'error' || m.type() === 'warning') consoleErrors.push(`${m.type()}: ${m.text()}`);
    };
    const onError = (e: Error) => consoleErrors.push(`pageerror: ${e.message}`);
    page.on('console', onConsole);
    page.on('pageerror', onError);
    try {
      const res = await page.goto(url, { waitUntil: 'load' });
      const status = res?.status() ?? 0;
      const entry: CrawledPage = { path, status, consoleErrors };
      result.pages.set(path, entry);
      if (status !== 200) return;
      entry.facts = await pageFacts(page);
      const from = new Set<string>();
      for (const link of entry.facts.links) {
        const u = new URL(link);
        if (u.origin !== origin) continue;
        from.add(u.pathname + u.hash);
        if (!u.pathname.startsWith('/pdf/')) enqueue(u.pathname);
      }
      result.linksFrom.set(path, from);
    } finally {
      page.off('console', onConsole);
      page.off('pageerror', onError);
    }
  };

  const tabs = await Promise.all(Array.from({ length: options.concurrency ?? 4 }, () => context.newPage()));
  const free = [...tabs];
  await new Promise<void>((done, fail) => {
    const pump = () => {
      if (queue.length === 0 && free.length === tabs.length) return done();
      while (queue.length > 0 && free.length > 0) {
        const tab = free.pop()!;
        visit(tab, queue.shift()!).then(() => {
          free.push(tab);
          pump();
        }, fail);
      }
    };
    pump();
  });
  await Promise.all(tabs.map((t) => t.close()));
  return result;
}

/** Number tokens of a text, sign dropped: "−0,12" → "0,12", "3.51" → "3.51". */
export function numberTokens(text: string): Set<string> {
  return new Set(text.match(/\d+(?:[.,]\d+)?/g) ?? []);
}

export const NBSP = '\u00a0';

/** Rules whose findings are not serious by axe's measure but still defects of this site. */
export const ALSO_FAIL = [
  'duplicate-id',
  'duplicate-id-aria',
  'landmark-unique',
  'landmark-no-duplicate-main',
  'landmark-one-main',
  'heading-order',
  'page-has-heading-one',
  'region',
  'empty-heading',
  'empty-table-header',
];

/**
 * What axe finds on the page at `path`, one line per rule: serious and critical
 * findings and the ALSO_FAIL rules, with folded tables opened first.
 */
export async function axeFindings(page: Page, origin: string, path: string): Promise<string[]> {
  await page.goto(origin + path);
  // Folded tables are part of the page: open them so that axe looks at them too.
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
  const builder = new AxeBuilder({ page }).options({ resultTypes: ['violations'] });
  // The print report repeats the components of the other pages (checked there in full) many
  // times over; a sample of each keeps axe to seconds instead of a minute.
  if (path.endsWith('/print/') || path.endsWith('/tables/')) {
    builder.exclude('section[aria-labelledby="tables-h"] > table:nth-of-type(n+7)');
    if (path.endsWith('/print/')) builder.exclude('.print-subsection:nth-child(n+4)').exclude('figure.chart:nth-of-type(n+3)');
  }
  const result = await builder.analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical' || ALSO_FAIL.includes(v.id))
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help} — ${v.nodes.length}× e.g. ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(' | ')}`,
    );
}
