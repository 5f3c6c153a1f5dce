/**
 * The PDF export's parts: the running header and footer CSS, dates and metadata,
 * and the rule that printing makes no request outside the built site.
 */
import { copyFile, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { documentDate, documentInfo, exportPdfs, NetworkRequestError } from '../../src/pdf/export-pdfs.ts';
import { BrowserNotFoundError } from '../../src/pdf/browser.ts';
import { setDocumentInfo, tocPageNumbers } from '../../src/pdf/metadata.ts';
import { loadReport } from '../../src/pipeline/load-report.ts';
import type { ReportModel } from '../../src/model/types.ts';
import { cssString, runningHeadCss } from '../../src/site/print.ts';
import { formatDate } from '../../src/i18n/index.ts';
import { silentEffects, TEST_LOAD } from '../support/effects.ts';
import { closePdf, openPdf, pageText } from './pdf-helpers.ts';

let model: ReportModel;

beforeAll(async () => {
  const loaded = await loadReport({ dataDir: 'data', reportsDir: 'reports', cwd: process.cwd(), ...TEST_LOAD });
  if (!loaded.model) throw new Error('the sample study did not load');
  model = loaded.model;
});

describe('running header and footer CSS', () => {
  it('escapes text into CSS strings that cannot end the string or the <style>', () => {
    expect(cssString('Plain')).toBe('"Plain"');
    const nasty = cssString('a"b\\c</style><script>x</script>\nd');
    expect(nasty.startsWith('"') && nasty.endsWith('"')).toBe(true);
    expect(nasty.slice(1, -1)).not.toMatch(/["<>\n]|\\(?![0-9A-F]+ )/);
    expect(nasty).not.toContain('</style');
  });

  it('puts title, organisation, version and "sivu N / M" in margin boxes, none on the cover', () => {
    const css = runningHeadCss({ lang: 'fi', title: 'Tutkimus <b>2025</b>', organisation: 'Yhtiö "Oy"', version: 'Versio 1.0' });
    expect(css).toContain('@top-left { content: "Tutkimus \\3C b\\3E 2025\\3C /b\\3E "');
    expect(css).toContain('@top-right { content: "Yhtiö \\22 Oy\\22 "');
    expect(css).toContain('content: "sivu " counter(page) " / " counter(pages)');
    expect(css).toMatch(/@page :first \{[^}]*@top-left \{ content: none; \}/);
    expect(css).not.toMatch(/@(top|bottom)-center \{ content: "/);
    const en = runningHeadCss({ lang: 'en', title: 'Study 2025', organisation: 'Org', version: 'Version 1.0', draft: 'DRAFT' });
    expect(en).toContain('content: "page " counter(page)');
    expect(en).toContain('@top-center { content: "DRAFT"');
    expect(en).toContain('@bottom-center { content: "DRAFT"');
  });

  it('writes dates in the language', () => {
    expect(formatDate('2025-03-13', 'fi')).toBe('13.3.2025');
    expect(formatDate('2025-03-13', 'en')).toBe('13 March 2025');
    expect(formatDate('maaliskuu 2025', 'fi')).toBe('maaliskuu 2025');
  });
});

describe('document information', () => {
  it('dates a published edition by its publication date, a draft by the clock', () => {
    const now = new Date('2026-01-15T12:00:00Z');
    const published = model.editions.find((e) => e.status === 'published')!;
    expect(documentDate(published, 'fi', now).toISOString()).toBe(`${published.published ?? published.editorial.fi!.meta.published}T12:00:00.000Z`);
    expect(documentDate({ ...published, status: 'draft' }, 'fi', now)).toBe(now);
  });

  it('names among its keywords the chapters the edition has: no trends in the first edition, no groups without groups', () => {
    const now = new Date('2026-01-15T12:00:00Z');
    const [first, second] = model.editions;
    const words = (m: ReportModel, e: ReportModel['editions'][number]) => documentInfo(m, e, 'en', now).keywords.slice(3);
    expect(words(model, first!)).toEqual(['Summary', 'Areas', 'Stakeholder groups']);
    expect(words(model, second!)).toEqual(['Summary', 'Areas', 'Stakeholder groups', 'Trends']);
    const oneSample = { ...model, study: { ...model.study, groups: [] } };
    expect(words(oneSample, second!)).toEqual(['Summary', 'Areas', 'Trends']);
  });

  it('keeps the structure tree, the outline and the destinations when setting the information', async () => {
    const edition = model.editions.at(-1)!;
    const info = documentInfo(model, edition, 'en', new Date('2026-01-15T12:00:00Z'));
    expect(info.author).toBe(model.study.organisation.en);
    expect(info.keywords).toContain(String(edition.year));
    // A small tagged, outlined PDF from pdf-lib stands in for Chromium's here; the
    // sample's real PDFs are checked in pdfs.test.ts.
    const doc = await PDFDocument.create();
    doc.addPage();
    const bytes = await setDocumentInfo(await doc.save(), { ...info, headings: [] });
    const pdf = await openPdf(new Uint8Array(bytes));
    const meta = (await pdf.getMetadata()).info as Record<string, string>;
    expect(meta).toMatchObject({ Title: info.title, Author: info.author, Subject: info.subject, Language: 'en', Creator: info.creator });
    expect(meta.Keywords).toBe(info.keywords.join(', '));
    await closePdf(pdf);
    expect(await tocPageNumbers(bytes, ['nothing'])).toEqual({});
  });
});

describe('exportPdfs', () => {
  let site: string;
  let small: ReportModel;

  beforeAll(async () => {
    await mkdir(resolve('test-output'), { recursive: true });
    site = await mkdtemp(resolve('test-output', 'export-site-'));
    const edition = model.editions[0]!;
    small = { ...model, study: { ...model.study, languages: ['fi'] }, editions: [edition] };
    await mkdir(join(site, '_astro'), { recursive: true });
    const require = createRequire(import.meta.url);
    const fontsource = require.resolve('@fontsource/inter/package.json');
    await copyFile(join(fontsource, '..', 'files', 'inter-latin-400-normal.woff2'), join(site, '_astro', 'inter.woff2'));
    await mkdir(join(site, 'fi', String(edition.year), 'print'), { recursive: true });
  });

  const page = (extra: string) =>
    `<!doctype html><html lang="fi"><head><meta charset="utf-8"><title>Testi</title><style>@font-face{font-family:Inter;src:url(/_astro/inter.woff2) format('woff2')}body{font-family:Inter}</style></head><body><h1>Testi</h1><p>Sisältöä.</p>${extra}</body></html>`;

  it('prints a page of the site, with metadata, into <site>/pdf/', async () => {
    await writeFile(join(site, 'fi', String(small.editions[0]!.year), 'print', 'index.html'), page(''));
    const effects = silentEffects({ env: process.env });
    const result = await exportPdfs(small, site, effects);
    expect(result).toHaveLength(1);
    expect(result[0]!.file).toMatch(/^pdf\/kaukovesi-maine-\d{4}-fi-v.+\.pdf$/);
    expect(await readdir(join(site, 'pdf'))).toEqual([result[0]!.file.slice(4)]);
    expect(effects.output.some((l) => /^PDF 1 of 1: /.test(l))).toBe(true);
    const doc = await openPdf(join(site, result[0]!.file));
    expect(await pageText(await doc.getPage(1))).toContain('Sisältöä.');
    await closePdf(doc);
  });

  it('keeps in-document and outside links, drops links to the site itself, and is reproducible', async () => {
    await writeFile(
      join(site, 'fi', String(small.editions[0]!.year), 'print', 'index.html'),
      page('<p><a href="#osa">Osa</a> <a href="/pdf/vanha.pdf">vanha versio</a> <a href="https://example.org/">esimerkki</a></p><h2 id="osa">Osa</h2>'),
    );
    const first = await exportPdfs(small, site, silentEffects({ env: process.env }));
    const bytes = await readFile(join(site, first[0]!.file));
    const doc = await openPdf(new Uint8Array(bytes));
    const links = ((await (await doc.getPage(1)).getAnnotations()) as { subtype: string; url?: string; dest?: unknown }[]).filter((a) => a.subtype === 'Link');
    await closePdf(doc);
    expect(links.map((a) => a.url ?? 'dest').sort()).toEqual(['dest', 'https://example.org/']);
    // Same input, same bytes: nothing of the run (port, time) gets into the file.
    await exportPdfs(small, site, silentEffects({ env: process.env }));
    expect(Buffer.compare(bytes, await readFile(join(site, first[0]!.file)))).toBe(0);
  });

  it("fills in the contents page's numbers from one print, as two prints would, and prints twice when a placeholder cannot stand in", async () => {
    // Twelve pages; contents entries for the pages in `targets`, the bold ones in another font.
    const contents = (numberCss: string, targets: { page: number; bold?: boolean }[]) => {
      const entry = ({ page, bold }: { page: number; bold?: boolean }) =>
        `${bold ? '<b>' : ''}<a href="#p${page}"><span class="toc-label">Osa ${page}</span><span class="toc-page" data-toc-page="p${page}"></span></a>${bold ? '</b>' : ''}`;
      const pages = Array.from({ length: 11 }, (_, i) => `<h2 id="p${i + 2}" style="break-before: page">Osa ${i + 2}</h2>`).join('');
      return page(`<style>.toc a{display:flex}.toc-label{flex:1}.toc-page{${numberCss}}.toc b .toc-page{font-weight:700}</style><nav class="toc">${targets.map(entry).join('')}</nav>${pages}`);
    };
    const run = async (html: string, ids: string[]) => {
      await writeFile(join(site, 'fi', String(small.editions[0]!.year), 'print', 'index.html'), html);
      const effects = silentEffects({ env: process.env });
      const [result] = await exportPdfs(small, site, effects);
      const bytes = new Uint8Array(await readFile(join(site, result!.file)));
      const pages = await tocPageNumbers(bytes, ids);
      // pdfjs takes the bytes over.
      const doc = await openPdf(bytes);
      const first = await doc.getPage(1);
      const text = await pageText(first);
      // Where each number is drawn (x and y of its text items).
      const items = (await first.getTextContent()).items.filter((item) => 'str' in item && /^\d+$/.test(item.str.trim())) as { str: string; transform: number[] }[];
      const places = items.map((item) => `${item.str.trim()}@${item.transform[4]!.toFixed(2)},${item.transform[5]!.toFixed(2)}`);
      await closePdf(doc);
      return { text, places, twice: effects.output.some((l) => l.includes('printed twice')), pages };
    };
    const fixed = 'width:9mm;flex:none;text-align:right;font-variant-numeric:tabular-nums';
    // Five entries in one font: placeholders 01 23 45 67 89 show every digit. One and two digits.
    const five = [3, 5, 7, 9, 12].map((n) => ({ page: n }));
    const ids = five.map((t) => `p${t.page}`);
    const once = await run(contents(fixed, five), ids);
    expect(once.twice).toBe(false);
    expect(once.pages).toEqual({ p3: 3, p5: 5, p7: 7, p9: 9, p12: 12 });
    expect(once.text).toContain('Osa 3 3 Osa 5 5 Osa 7 7 Osa 9 9 Osa 12 12');
    // Proportional figures; a box as wide as its number; a font whose one placeholder (01) does not show the 2 of 12: printed twice, the same numbers.
    for (const [css, targets] of [
      ['width:9mm;flex:none;text-align:right', five],
      ['text-align:right;font-variant-numeric:tabular-nums', five],
      [fixed, [...five.slice(0, 4), { page: 12, bold: true }]],
    ] as const) {
      const twice = await run(contents(css, [...targets]), ids);
      expect(twice.twice, css).toBe(true);
      expect(twice.pages).toEqual(once.pages);
      expect(twice.text, css).toContain('Osa 3 3 Osa 5 5 Osa 7 7 Osa 9 9 Osa 12 12');
      // The numbers in the same font and box are drawn exactly where two prints draw them.
      if (css === fixed) expect(twice.places.slice(0, 4)).toEqual(once.places.slice(0, 4));
    }
  });

  it('fails, naming them, when the page requests anything outside the site', async () => {
    await writeFile(
      join(site, 'fi', String(small.editions[0]!.year), 'print', 'index.html'),
      page('<img src="https://example.invalid/pixel.png" alt=""><link rel="stylesheet" href="http://cdn.example.invalid/x.css">'),
    );
    const effects = silentEffects({ env: process.env });
    const error = await exportPdfs(small, site, effects).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkRequestError);
    expect((error as NetworkRequestError).urls).toEqual(expect.arrayContaining(['https://example.invalid/pixel.png', 'http://cdn.example.invalid/x.css']));
    expect((error as Error).message).toContain('https://example.invalid/pixel.png');
  });

  it('fails when the report font does not load', async () => {
    await writeFile(join(site, 'fi', String(small.editions[0]!.year), 'print', 'index.html'), '<!doctype html><html lang="fi"><title>x</title><p>Ei fonttia.</p></html>');
    await expect(exportPdfs(small, site, silentEffects({ env: process.env }))).rejects.toThrow(/Inter did not load/);
  });

  it('fails with BrowserNotFoundError, never skips, when no browser is found', async () => {
    const effects = silentEffects({ env: { LUOTAIN_CHROMIUM: join(site, 'no-such-browser') } });
    await expect(exportPdfs(small, site, effects)).rejects.toBeInstanceOf(BrowserNotFoundError);
  });

  it('cleans up', async () => {
    await rm(site, { recursive: true, force: true });
  });
});
