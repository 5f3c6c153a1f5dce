// The sample study built for a sub-path (--base /reports/kaukovesi/) and served only
// there, as a web server in a folder of a larger site would: every page, link, asset and
// download resolves, the switchers stay under the path, and no request leaves it. The
// copy is first corrected twice: 2025 with a note in each language, 2023 with an older
// record's one-text note. The built folder is world-readable under a private umask.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/cli/build.ts';
import { main } from '../../src/cli/main.ts';
import { serveStatic, type StaticServer } from '../../src/io/static-server.ts';
import { exportPdfs } from '../../src/pdf/export-pdfs.ts';
import { launchBrowser } from '../../src/pdf/browser.ts';
import { loadReport } from '../../src/pipeline/load-report.ts';
import { routes } from '../../src/site/routes.ts';
import { closePdf, openPdf, pageText } from '../pdf/pdf-helpers.ts';
import { silentEffects, TEST_LOAD } from '../support/effects.ts';
import { crawl, type CrawlResult } from './support.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BASE = '/reports/kaukovesi/';
const scratch = mkdtempSync(join(tmpdir(), 'luotain-base-'));
const at = (...parts: string[]) => join(scratch, ...parts);
const SITE = at('site');
const NOTES = { fi: 'Yleisön otoksen painot korjattu.', sv: 'Vikterna för allmänhetens urval korrigerade.', en: 'Weights of the public sample corrected.' };
const OLD_NOTE = 'Sidosryhmien nimet korjattu.';

let server: StaticServer;
let browser: Browser;
let context: BrowserContext;
/** Every URL the browser asked for, in any test. */
const requested: string[] = [];
let site: CrawlResult;

const run = async (...argv: string[]) => {
  const effects = silentEffects({ cwd: scratch });
  const code = await main(argv, effects);
  if (code !== 0) throw new Error(`luotain ${argv.join(' ')} failed:\n${effects.errors.join('\n')}`);
};

beforeAll(async () => {
  cpSync(join(ROOT, 'data'), at('data'), { recursive: true });
  cpSync(join(ROOT, 'reports'), at('reports'), { recursive: true });
  await run('publish', '2025', '--version', '1.1', '--note-fi', NOTES.fi, '--note-sv', NOTES.sv, '--note-en', NOTES.en, '--date', '2025-04-01');
  // A correction recorded before notes had languages: one text, written in Finnish.
  await run('publish', '2023', '--version', '1.1', '--note-fi', OLD_NOTE, '--note-sv', 'x', '--note-en', 'x', '--date', '2023-06-01');
  const recordFile = at('reports/2023/publication.json');
  const record = JSON.parse(readFileSync(recordFile, 'utf8'));
  record.current.note = OLD_NOTE;
  writeFileSync(recordFile, JSON.stringify(record, null, 2));

  // A private umask, as on a locked-down server account: the site must still be readable by the web server.
  const umask = process.umask(0o077);
  try {
    const effects = silentEffects({ cwd: scratch, env: process.env });
    const code = await buildSite({ dataDir: 'data', reportsDir: 'reports', cwd: scratch, outDir: SITE, pdf: false, base: BASE }, effects);
    if (code !== 0) throw new Error(`building under ${BASE} failed:\n${effects.errors.join('\n')}`);
  } finally {
    process.umask(umask);
  }
  server = await serveStatic(SITE, 0, BASE);
  ({ browser } = await launchBrowser());
  context = await browser.newContext();
  context.on('request', (req) => requested.push(req.url()));
  site = await crawl(context, server.origin, [BASE]);
}, 600_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
  rmSync(scratch, { recursive: true, force: true });
});

/** Every file and folder under `dir`, relative, with its permission bits. */
function modes(dir: string): { path: string; dir: boolean; mode: number }[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((path) => {
    const info = statSync(join(dir, path));
    return { path, dir: info.isDirectory(), mode: info.mode & 0o777 };
  });
}

describe(`the sample built for ${BASE}`, () => {
  it('is world-readable whatever the umask: folders 0755, files 0644', () => {
    expect(statSync(SITE).mode & 0o777).toBe(0o755);
    const all = modes(SITE);
    expect(all.length).toBeGreaterThan(250);
    expect(all.filter((f) => f.mode !== (f.dir ? 0o755 : 0o644))).toEqual([]);
  });

  it('every page, link, asset and download resolves, and every page is reached from the landing page', async () => {
    const { model } = await loadReport({ dataDir: 'data', reportsDir: 'reports', cwd: scratch, ...TEST_LOAD });
    const expected = [BASE, ...routes(model!).map((r) => `${BASE}${r.lang}/${r.year}/${r.slug ? `${r.slug}/` : ''}`)].sort();
    expect([...site.pages.keys()].sort()).toEqual(expected);
    expect([...site.pages.values()].filter((p) => p.status !== 200).map((p) => p.path)).toEqual([]);
    expect([...site.files].filter(([, f]) => f.status !== 200 || f.bytes === 0)).toEqual([]);
    const files = [...site.files.keys()];
    // The figure files (SVG and PNG of every figure), each under its edition and language.
    const figures = files.filter((f) => /\/(fi|sv|en)\/\d{4}\/figures\/[a-z0-9_-]+\.(svg|png)$/.test(f));
    expect(figures.length).toBeGreaterThan(100);
    expect(figures.filter((f) => !f.startsWith(BASE))).toEqual([]);
    const downloads = model!.editions.flatMap((e) => [
      ...['csv', 'json'].map((kind) => `${BASE}downloads/kaukovesi-maine-${e.year}-indicators.${kind}`),
      ...model!.study.languages.flatMap((lang) => ['xlsx', 'pptx'].map((kind) => `${BASE}downloads/kaukovesi-maine-${e.year}-${lang}-v${e.version}.${kind}`)),
    ]);
    expect(files.filter((f) => !figures.includes(f)).sort()).toEqual(downloads.sort());
    expect(site.failedResources).toEqual([]);
    // Styles load (under the base): the pages are not the unstyled HTML of a broken asset path.
    expect(requested.filter((u) => u.endsWith('.css')).length).toBeGreaterThan(0);
  });

  it('the head links (stylesheets, favicon, other languages) of the landing page, a page and the print report resolve under the base', async () => {
    const page = await context.newPage();
    const heads: string[] = [];
    for (const path of ['', 'en/2025/', 'fi/2022/areas/governance/', 'sv/2025/print/']) {
      await page.goto(`${server.origin}${BASE}${path}`);
      heads.push(...(await page.locator('head link[href]').evaluateAll((links) => links.map((l) => (l as HTMLLinkElement).href))));
    }
    await page.close();
    expect(heads).toContain(`${server.origin}${BASE}favicon.svg`);
    expect(heads.filter((u) => u.endsWith('.css')).length).toBeGreaterThan(3);
    const broken: string[] = [];
    for (const url of new Set(heads)) {
      const res = await context.request.get(url, { failOnStatusCode: false });
      if (res.status() !== 200 || !url.startsWith(`${server.origin}${BASE}`)) broken.push(`${url} (${res.status()})`);
    }
    expect(broken).toEqual([]);
  });

  it('no page links to the server outside the base path, and the browser asks for nothing outside it', () => {
    const outside = (url: string) => !url.startsWith(`${server.origin}${BASE}`);
    expect(requested.filter(outside)).toEqual([]);
    const links = [...site.pages.values()].flatMap((p) => (p.facts?.links ?? []).filter((l) => l.startsWith(server.origin) && outside(l)).map((l) => `${p.path} → ${l}`));
    expect(links).toEqual([]);
  });

  it('the language and edition switchers keep the page and stay under the base', async () => {
    const page = await context.newPage();
    await page.goto(`${server.origin}${BASE}en/2025/method/`);
    await page.getByRole('navigation', { name: 'Language' }).getByRole('link', { name: 'Svenska' }).click();
    await page.waitForURL(`${server.origin}${BASE}sv/2025/method/`);
    expect(await page.locator('html').getAttribute('lang')).toBe('sv');
    await page.getByRole('navigation', { name: 'Utgåvor' }).getByRole('link', { name: '2023' }).click();
    await page.waitForURL(`${server.origin}${BASE}sv/2023/method/`);
    await page.locator('a.brand').click();
    await page.waitForURL(`${server.origin}${BASE}sv/2023/`);
    await page.close();
  });

  it("the corrected edition's summary says so first, in the page's language, and links to the version history", async () => {
    const page = await context.newPage();
    for (const [lang, title, text] of [
      ['en', 'Corrected version 1.1.', 'Version 1.1, published 1 April 2025, replaces version 1.0.'],
      ['fi', 'Korjattu versio 1.1.', 'Versio 1.1, julkaistu 1.4.2025, korvaa version 1.0.'],
    ] as const) {
      await page.goto(`${server.origin}${BASE}${lang}/2025/`);
      const notice = page.locator('main .notice.correction');
      expect(await notice.locator('p').allInnerTexts()).toEqual([`${title} ${text}`, NOTES[lang], lang === 'en' ? 'Version history' : 'Versiohistoria']);
      // Right under the page's heading, before the headline figures.
      expect(await page.locator('main h1 + .notice.correction').count()).toBe(1);
      await notice.getByRole('link').click();
      await page.waitForURL(`${server.origin}${BASE}${lang}/2025/method/#history-h`);
      expect(await page.locator('#history-h + table tbody tr').first().locator('td').nth(1).textContent()).toBe(NOTES[lang]);
    }
    // An older record's one text, shown on the English page as what it is: Finnish.
    await page.goto(`${server.origin}${BASE}en/2023/`);
    const old = page.locator('main .notice.correction p[lang="fi"]');
    expect(await old.textContent()).toBe(OLD_NOTE);
    await page.goto(`${server.origin}${BASE}en/2024/`);
    expect(await page.locator('.notice.correction').count()).toBe(0);
    await page.close();
  });

  it('the PDF export serves the site under the base: the corrected PDF has the notice on its cover', async () => {
    const { model } = await loadReport({ dataDir: 'data', reportsDir: 'reports', cwd: scratch, ...TEST_LOAD });
    // One edition in one language: the export is the same for all.
    const one = { ...model!, study: { ...model!.study, languages: ['sv' as const] }, editions: model!.editions.filter((e) => e.year === 2025) };
    const effects = silentEffects({ env: process.env });
    const [pdf] = await exportPdfs(one, SITE, effects, BASE);
    expect(pdf!.file).toBe('pdf/kaukovesi-maine-2025-sv-v1.1.pdf');
    const doc = await openPdf(join(SITE, pdf!.file));
    try {
      const cover = (await pageText(await doc.getPage(1))).replace(/\s+/g, ' ');
      expect(cover).toContain('Korrigerad version 1.1. Version 1.1, publicerad 1.4.2025, ersätter version 1.0.');
      expect(cover).toContain(NOTES.sv);
      // Styled: the cover is one page, the contents start on the second.
      expect(doc.numPages).toBeGreaterThan(10);
    } finally {
      await closePdf(doc);
    }
  });
});
