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

  it('takes the contents page numbers of the last build of the same page, the same bytes as two prints, and prints twice when they no longer hold', async () => {
    // A contents entry whose target is on page 3.
    const html = page('<nav><a href="#kolmas">Kolmas</a> <span data-toc-page="kolmas">00</span></nav><h2 style="break-before: page">Toinen</h2><h2 id="kolmas" style="break-before: page">Kolmas</h2>');
    await writeFile(join(site, 'fi', String(small.editions[0]!.year), 'print', 'index.html'), html);
    const cache = await mkdtemp(resolve('test-output', 'contents-cache-'));
    const run = async () => {
      const effects = silentEffects({ env: process.env });
      const [result] = await exportPdfs(small, site, effects, '/', cache);
      const line = effects.output.find((l) => /^PDF 1 of 1: /.test(l))!;
      return { bytes: await readFile(join(site, result!.file)), fromCache: line.includes('contents page numbers of the last build') };
    };
    const number = async (bytes: Buffer) => {
      const doc = await openPdf(new Uint8Array(bytes));
      const text = await pageText(await doc.getPage(1));
      await closePdf(doc);
      return /Kolmas\s*(\d+)/.exec(text)?.[1];
    };
    // Nothing kept: a layout print; the numbers are kept for the next build.
    const first = await run();
    expect(first.fromCache).toBe(false);
    expect(await number(first.bytes)).toBe('3');
    const [entry] = await readdir(cache);
    expect(JSON.parse(await readFile(join(cache, entry!), 'utf8'))).toEqual({ kolmas: 3 });
    // The same page again: one print, the same bytes.
    const second = await run();
    expect(second.fromCache).toBe(true);
    expect(Buffer.compare(second.bytes, first.bytes)).toBe(0);
    // Numbers that no longer hold (here: put wrong on purpose) are found in the final print, and the page is printed again.
    await writeFile(join(cache, entry!), '{"kolmas":2}\n');
    const third = await run();
    expect(third.fromCache).toBe(false);
    expect(Buffer.compare(third.bytes, first.bytes)).toBe(0);
    expect(JSON.parse(await readFile(join(cache, entry!), 'utf8'))).toEqual({ kolmas: 3 });
    await rm(cache, { recursive: true, force: true });
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
