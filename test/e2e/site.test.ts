/**
 * The built sample site in Chromium: every page reached from the landing page
 * renders without errors or JavaScript, every internal link and fragment
 * resolves, the edition and language switchers keep the page, the summary page
 * is light, and nothing needs client-side JavaScript.
 */
import { readdir } from 'node:fs/promises';
import { relative, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { TEST_LOAD } from '../support/effects.ts';
import { loadReport } from '../../src/pipeline/load-report.ts';
import type { ReportModel } from '../../src/model/types.ts';
import { t } from '../../src/i18n/index.ts';
import { crawl, duplicates, headingProblems, openSite, type CrawlResult, type ServedSite } from './support.ts';

const siteDir = inject('sampleSite');
let site: ServedSite;
let context: BrowserContext;
let model: ReportModel;
let result: CrawlResult;

beforeAll(async () => {
  const loaded = await loadReport({ dataDir: 'data', reportsDir: 'reports', ...TEST_LOAD });
  if (!loaded.model) throw new Error(`the sample study does not load: ${loaded.issues.map((i) => i.message).join('; ')}`);
  model = loaded.model;
  site = await openSite(siteDir);
  context = await site.browser.newContext();
  result = await crawl(context, site.origin, ['/'], { concurrency: 4 });
}, 120_000);

afterAll(async () => {
  await context?.close();
  await site?.close();
});

/** Every index.html of the built site, as a URL path. */
async function builtPages(): Promise<string[]> {
  const entries = await readdir(siteDir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name === 'index.html')
    .map((e) => relative(siteDir, e.parentPath).split(sep).filter(Boolean))
    .map((parts) => `/${parts.map((p) => `${p}/`).join('')}`)
    .sort();
}

describe('crawl from the landing page', () => {
  it('reaches every built page, and every one renders with status 200 and a title', async () => {
    const built = await builtPages();
    const reached = [...result.pages.keys()].sort();
    expect(reached.length).toBeGreaterThan(20);
    // Every page of the build is linked from somewhere (no orphans)…
    expect(built.filter((p) => !result.pages.has(p))).toEqual([]);
    // …and every linked page exists.
    const bad = [...result.pages.values()].filter((p) => p.status !== 200).map((p) => `${p.path} → ${p.status}`);
    expect(bad).toEqual([]);
    for (const p of result.pages.values()) expect(p.facts?.title, p.path).toBeTruthy();
  });

  it('covers every language, edition and page type', () => {
    for (const lang of model.study.languages) {
      for (const e of model.editions) {
        for (const page of ['', 'drivers/', 'method/', 'tables/', 'print/']) expect(result.pages.has(`/${lang}/${e.year}/${page}`), `/${lang}/${e.year}/${page}`).toBe(true);
        // Trends from the second edition on: the first edition's would be one dot per chart.
        expect(result.pages.has(`/${lang}/${e.year}/trends/`), `/${lang}/${e.year}/trends/`).toBe(e.previousYear !== undefined);
        for (const g of model.study.groups)
          expect(
            [...result.pages.keys()].some((p) => p.startsWith(`/${lang}/${e.year}/groups/`)),
            g.code,
          ).toBe(true);
        for (const d of e.indicators.filter((i) => i.kind === 'dimension')) expect(result.pages.has(`/${lang}/${e.year}/areas/${d.id}/`), d.id).toBe(true);
      }
    }
  });

  it('gives every page exactly one h1 and a heading outline that skips no level', () => {
    const problems = [...result.pages.values()].flatMap((p) => headingProblems(p.facts?.headings ?? []).map((x) => `${p.path}: ${x}`));
    expect(problems).toEqual([]);
  });

  it('logs no console error or warning on any page, and no sub-resource fails', () => {
    const errors = [...result.pages.values()].flatMap((p) => p.consoleErrors.map((e) => `${p.path}: ${e}`));
    expect(errors).toEqual([]);
    expect(result.failedResources).toEqual([]);
  });

  it('has unique ids on every page (inline SVGs included) and no reference to a missing id', () => {
    const problems = [...result.pages.values()].flatMap((p) => [
      ...duplicates(p.facts?.ids ?? []).map((id) => `${p.path}: duplicate id "${id}"`),
      ...(p.facts?.danglingRefs ?? []).map((r) => `${p.path}: ${r} refers to no element`),
    ]);
    expect(problems).toEqual([]);
  });

  it('resolves every internal link, fragments included', () => {
    const problems: string[] = [];
    for (const [from, targets] of result.linksFrom) {
      for (const target of targets) {
        const [path, fragment] = target.split('#') as [string, string | undefined];
        if (path.startsWith('/pdf/')) continue; // checked below, once the PDFs exist
        const page = result.pages.get(path);
        const file = result.files.get(path);
        if (page) {
          if (page.status !== 200) problems.push(`${from} → ${target}: ${page.status}`);
          else if (fragment && !page.facts!.ids.includes(decodeURIComponent(fragment))) problems.push(`${from} → ${target}: no element #${fragment}`);
        } else if (file) {
          if (file.status !== 200 || file.bytes === 0) problems.push(`${from} → ${target}: ${file.status}, ${file.bytes} bytes`);
        } else {
          problems.push(`${from} → ${target}: not visited`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('serves the CSV and JSON downloads of every edition', () => {
    for (const e of model.editions) {
      for (const kind of ['csv', 'json']) {
        const file = result.files.get(`/downloads/${model.study.id}-${e.year}-indicators.${kind}`);
        expect(file, `${e.year} ${kind}`).toBeDefined();
        expect(file!.status).toBe(200);
        expect(file!.bytes).toBeGreaterThan(1000);
      }
    }
  });

  it('links only to PDFs that exist (fails until the PDF export writes them)', async () => {
    const pdfLinks = new Set(
      [...result.linksFrom.values()]
        .flatMap((s) => [...s])
        .filter((l) => l.startsWith('/pdf/'))
        .map((l) => l.split('#')[0]!),
    );
    expect(pdfLinks.size).toBeGreaterThan(0);
    const missing: string[] = [];
    for (const path of pdfLinks) {
      const res = await context.request.get(site.origin + path, { failOnStatusCode: false });
      const body = await res.body();
      if (res.status() !== 200 || body.subarray(0, 5).toString('latin1') !== '%PDF-') missing.push(`${path} (${res.status()})`);
    }
    expect(missing).toEqual([]);
  });

  it('has no JavaScript on any page: no <script>, no on* handler, no script request', () => {
    const withScripts = [...result.pages.values()].filter((p) => (p.facts?.scripts ?? 0) > 0 || (p.facts?.handlers.length ?? 0) > 0).map((p) => p.path);
    expect(withScripts).toEqual([]);
    expect(result.scriptRequests).toEqual([]);
  });
});

describe('edition and language switchers', () => {
  const from = '/fi/2023/areas/interaction/';

  it('goes to the same page of another edition', async () => {
    const page = await context.newPage();
    try {
      await page.goto(site.origin + from);
      const editions = page.getByRole('navigation', { name: t('fi', 'ui.editions') });
      for (const e of model.editions.filter((x) => x.year !== 2023)) {
        await expect.poll(() => editions.getByRole('link', { name: String(e.year), exact: false }).getAttribute('href')).toBe(`/fi/${e.year}/areas/interaction/`);
      }
      // The current edition is marked, not linked.
      expect(await editions.locator('[aria-current="page"]').textContent()).toContain('2023');
      await editions.getByRole('link', { name: '2025' }).click();
      await page.waitForURL(`${site.origin}/fi/2025/areas/interaction/`);
      const label = model.editions.find((e) => e.year === 2025)!.indicators.find((i) => i.id === 'interaction')!.label.fi;
      expect(await page.locator('h1').textContent()).toBe(label);
    } finally {
      await page.close();
    }
  });

  it('tells an older edition apart and links to the same page of the latest', async () => {
    const latest = model.latestYear!;
    expect(latest).toBeGreaterThan(2023);
    const page = await context.newPage();
    try {
      await page.goto(site.origin + from);
      const notice = page.locator('main .notice', { hasText: t('fi', 'ui.olderNotice', { year: 2023 }) });
      await expect.poll(() => notice.count()).toBe(1);
      const link = notice.getByRole('link', { name: t('fi', 'ui.olderLink', { latest }) });
      expect(await link.getAttribute('href')).toBe(`/fi/${latest}/areas/interaction/`);
      await link.click();
      await page.waitForURL(`${site.origin}/fi/${latest}/areas/interaction/`);
      // The latest edition has no such notice.
      expect(await page.locator('main .notice', { hasText: t('fi', 'ui.olderNotice', { year: latest }) }).count()).toBe(0);
      expect(
        await page
          .locator('main .notice')
          .filter({ has: page.getByRole('link', { name: t('fi', 'ui.olderLink', { latest }) }) })
          .count(),
      ).toBe(0);
    } finally {
      await page.close();
    }
  });

  it('switches language on the same page', async () => {
    const page = await context.newPage();
    try {
      for (const [path, expected] of [
        [from, '/en/2023/areas/interaction/'],
        ['/fi/2023/groups/community/', '/en/2023/groups/community/'],
        ['/en/2024/trends/', '/fi/2024/trends/'],
        ['/en/2025/', '/fi/2025/'],
      ] as const) {
        await page.goto(site.origin + path);
        const other = path.startsWith('/fi/') ? 'en' : 'fi';
        const link = page.locator(`header a[hreflang="${other}"]`);
        expect(await link.getAttribute('href'), path).toBe(expected);
        expect(await link.textContent()).toBe(t(other, 'ui.langName'));
        await link.click();
        await page.waitForURL(site.origin + expected);
        expect(await page.locator('html').getAttribute('lang')).toBe(other);
      }
    } finally {
      await page.close();
    }
  });
});

describe('page weight and JavaScript', () => {
  it('keeps the summary page (HTML, CSS and the fonts it loads) within 150 KB transferred', async () => {
    const fresh = await site.browser.newContext();
    try {
      const page = await fresh.newPage();
      const responses: Promise<{ type: string; url: string; bytes: number }>[] = [];
      page.on('requestfinished', (req) => {
        responses.push(req.sizes().then((s) => ({ type: req.resourceType(), url: req.url(), bytes: s.responseBodySize + s.responseHeadersSize })));
      });
      await page.goto(`${site.origin}/fi/${model.latestYear}/`, { waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      await page.waitForLoadState('networkidle');
      const loaded = await Promise.all(responses);
      const counted = loaded.filter((r) => ['document', 'stylesheet', 'font'].includes(r.type));
      const total = counted.reduce((s, r) => s + r.bytes, 0);
      expect(counted.filter((r) => r.type === 'document')).toHaveLength(1);
      expect(counted.filter((r) => r.type === 'stylesheet').length).toBeGreaterThan(0);
      expect(total, counted.map((r) => `${r.type} ${r.url} ${r.bytes}`).join('\n')).toBeLessThanOrEqual(150 * 1024);
      expect(loaded.filter((r) => r.type === 'script')).toEqual([]);
    } finally {
      await fresh.close();
    }
  });

  it('shows the summary charts and tables with JavaScript disabled', async () => {
    const noJs = await site.browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await noJs.newPage();
      await page.goto(`${site.origin}/en/${model.latestYear}/`);
      const charts = page.locator('figure.chart');
      expect(await charts.count()).toBeGreaterThan(0);
      for (const chart of await charts.all()) {
        expect(await chart.locator('svg').first().isVisible()).toBe(true);
        // The chart's numbers fold open natively (<details>), without any script.
        const table = chart.locator('details table');
        expect(await table.isVisible()).toBe(false);
        await chart.locator('details > summary').click();
        expect(await table.isVisible()).toBe(true);
        expect(await table.locator('tbody tr').count()).toBeGreaterThan(0);
      }
      expect(await page.locator('.card .value').first().isVisible()).toBe(true);
      const tables = await noJs.newPage();
      await tables.goto(`${site.origin}/en/${model.latestYear}/tables/`);
      expect(await tables.locator('main table').first().isVisible()).toBe(true);
    } finally {
      await noJs.close();
    }
  });
});
