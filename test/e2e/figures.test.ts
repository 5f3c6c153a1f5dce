/**
 * The figures of the built sample: every figure has its anchor, a link to it and
 * links to its SVG and PNG files, which are served with the right type; the PNG is
 * twice the SVG's size and the SVG says what the figure says. Every page carries its
 * social tags, and the share image they would name exists.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeFindings, openSite, type ServedSite } from './support.ts';

const siteDir = inject('sampleSite');
let site: ServedSite;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  site = await openSite(siteDir);
  context = await site.browser.newContext();
  page = await context.newPage();
}, 120_000);

afterAll(async () => {
  await context?.close();
  await site?.close();
});

/** Every built page's path and HTML, the print reports left out (their figures are the pages'). */
function builtPages(): { path: string; html: string }[] {
  return readdirSync(siteDir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('index.html') && !f.includes('print'))
    .map((f) => ({ path: `/${f.replace(/index\.html$/, '')}`.replace(/\/+/g, '/'), html: readFileSync(join(siteDir, f), 'utf8') }));
}

function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('figures on the sample site', () => {
  it('links every figure of every page to files that exist, once per figure name in each edition and language', () => {
    const pages = builtPages();
    const missing: string[] = [];
    let links = 0;
    for (const { path, html } of pages) {
      const figures = [...html.matchAll(/<figure class="chart" id="([^"]+)">/g)].map((m) => m[1]!);
      const files = [...html.matchAll(/href="(\/[a-z]{2}\/\d{4}\/figures\/[^"]+\.(?:svg|png))"/g)].map((m) => m[1]!);
      expect(files.length, path).toBe(2 * figures.length);
      expect(new Set(figures).size, path).toBe(figures.length);
      for (const id of figures) expect(html, path).toContain(`href="#${id}"`);
      for (const file of files) {
        links++;
        try {
          readFileSync(join(siteDir, file));
        } catch {
          missing.push(`${path}: ${file}`);
        }
      }
    }
    expect(missing).toEqual([]);
    expect(links).toBeGreaterThan(500);
  });

  it('serves the SVG and PNG of each figure of a page with their types; the PNG is twice the SVG and the SVG says what the figure says', async () => {
    for (const path of ['/en/2025/', '/fi/2025/areas/cx/', '/sv/2024/trends/', '/en/2023/drivers/']) {
      await page.goto(site.origin + path);
      const figures = await page.$$eval('figure.chart', (all) =>
        all.map((f) => ({
          id: f.id,
          caption: f.querySelector('figcaption')!.textContent!.trim(),
          label: f.querySelector('svg')!.getAttribute('aria-label')!,
          self: f.querySelector<HTMLAnchorElement>('.figure-links a[href^="#"]')!.href,
          files: [...f.querySelectorAll<HTMLAnchorElement>('.figure-links a[download]')].map((a) => ({ href: a.href, type: a.type, text: a.textContent!.trim() })),
        })),
      );
      expect(figures.length, path).toBeGreaterThan(0);
      for (const f of figures) {
        expect(f.self).toBe(`${site.origin}${path}#${f.id}`);
        // The anchor takes the browser to the figure.
        await page.goto(f.self);
        expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe(f.id);
        const [svgLink, pngLink] = f.files;
        const svg = await page.request.get(svgLink!.href);
        expect(svg.status()).toBe(200);
        expect(svg.headers()['content-type']).toMatch(/^image\/svg\+xml/);
        const svgText = await svg.text();
        const decode = (s: string) =>
          s
            .replace(/&quot;/g, '"')
            .replace(/&lt;/g, '<')
            .replace(/&gt;/g, '>')
            .replace(/&amp;/g, '&');
        expect(decode(/<title>([^<]*)<\/title>/.exec(svgText)![1]!)).toBe(f.caption);
        expect(decode(/<desc>([^<]*)<\/desc>/.exec(svgText)![1]!).startsWith(f.label)).toBe(true);
        expect(svgText).not.toMatch(/<text\b|href=|@import/);
        const [, width, height] = /viewBox="0 0 (\d+) (\d+)"/.exec(svgText)!.map(Number);
        const png = await page.request.get(pngLink!.href);
        expect(png.status()).toBe(200);
        expect(png.headers()['content-type']).toBe('image/png');
        expect(pngSize(await png.body())).toEqual({ width: 2 * width!, height: 2 * height! });
        expect([svgLink!.type, pngLink!.type]).toEqual(['image/svg+xml', 'image/png']);
      }
    }
  });

  it('hides the figure links in print', async () => {
    await page.goto(`${site.origin}/en/2025/`);
    await page.emulateMedia({ media: 'print' });
    expect(await page.$$eval('.figure-links', (all) => all.filter((e) => getComputedStyle(e).display !== 'none').length)).toBe(0);
    await page.emulateMedia({ media: 'screen' });
    expect(await page.$$eval('.figure-links', (all) => all.filter((e) => getComputedStyle(e).display !== 'none').length)).toBeGreaterThan(0);
  });

  it('has nothing serious for axe on a page of figures, the links included', async () => {
    expect(await axeFindings(page, site.origin, '/fi/2025/areas/cx/')).toEqual([]);
  });

  it('gives every page its Open Graph tags; without a site address no image, and the share image of each edition exists', async () => {
    const pages = builtPages();
    for (const { path, html } of pages.filter((p) => p.path !== '/')) {
      for (const key of ['og:title', 'og:description', 'og:type', 'og:locale', 'og:locale:alternate']) expect(html, `${path} ${key}`).toContain(`<meta property="${key}" content="`);
      expect(html, path).toContain('<meta name="twitter:card" content="summary">');
      // The sample names no siteUrl: an image needs an absolute address, so there is none.
      expect(html, path).not.toContain('og:image');
    }
    for (const lang of ['fi', 'sv', 'en'])
      for (const year of [2022, 2023, 2024, 2025]) {
        const response = await page.request.get(`${site.origin}/${lang}/${year}/share.png`);
        expect(response.status()).toBe(200);
        expect(pngSize(await response.body())).toEqual({ width: 1200, height: 630 });
      }
  });
});
