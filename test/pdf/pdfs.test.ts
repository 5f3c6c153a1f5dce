/**
 * The PDFs of the sample study, built once by test/support/build-sample.ts (which
 * fails, not skips, when there is no browser): one per edition and language,
 * A4, tagged, outlined, with metadata, embedded Inter, the headline figures in
 * the language's number format, and no blank page.
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { TEST_LOAD } from '../support/effects.ts';
import { loadReport } from '../../src/pipeline/load-report.ts';
import type { IndicatorModel, ReportModel } from '../../src/model/types.ts';
import type { Lang } from '../../src/study/schema.ts';
import { formatNumber } from '../../src/format/number.ts';
import { formatDate, LANGUAGES, localeOf, t } from '../../src/i18n/index.ts';
import { downloadHref, pdfFileName } from '../../src/site/view.ts';
import { allPages, closePdf, drawingOps, inkShare, openPdf, outlineTitles, pageFonts, pageText, type OutlineNode, type PDFDocumentProxy } from './pdf-helpers.ts';

const site = inject('sampleSite');
/** The sample's PDFs have 50–60 pages; the bounds catch a runaway layout or a lost section. */
const MIN_PAGES = 30;
const MAX_PAGES = 64;
const A4 = { width: 595.28, height: 841.89 };

let model: ReportModel;

beforeAll(async () => {
  const loaded = await loadReport({ dataDir: 'data', reportsDir: 'reports', cwd: process.cwd(), ...TEST_LOAD });
  if (!loaded.model) throw new Error('the sample study did not load');
  model = loaded.model;
});

describe('PDF files', () => {
  it('has one PDF per edition and language in <site>/pdf/, named as the site links them', async () => {
    const expected = model.study.languages.flatMap((lang) => model.editions.map((e) => pdfFileName(model.study, e, lang))).sort();
    expect(expected).toHaveLength(12);
    const files = (await readdir(join(site, 'pdf'))).filter((f) => f.endsWith('.pdf')).sort();
    expect(files).toEqual(expect.arrayContaining(expected));
    for (const f of expected) expect((await stat(join(site, 'pdf', f))).size).toBeGreaterThan(100_000);
  });

  it('the site pages link to PDFs that exist', async () => {
    const html = await readFile(join(site, 'fi', String(model.editions.at(-1)!.year), 'index.html'), 'utf8');
    const links = [...html.matchAll(/href="(\/pdf\/[^"]+\.pdf)"/g)].map((m) => m[1]!);
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) await expect(stat(join(site, link))).resolves.toBeTruthy();
  });
});

interface Case {
  lang: Lang;
  year: number;
  file: string;
}

const cases = (): Case[] => model.study.languages.flatMap((lang) => model.editions.map((e) => ({ lang, year: e.year, file: pdfFileName(model.study, e, lang) })));

// vitest collects describe blocks before beforeAll runs: the cases are listed from the folder.
const LANGS: Lang[] = ['fi', 'sv', 'en'];
const YEARS = [2022, 2023, 2024, 2025];

for (const lang of LANGS) {
  for (const year of YEARS) {
    describe(`${year} ${lang}`, () => {
      let doc: PDFDocumentProxy;
      let c: Case;
      let texts: string[];

      beforeAll(async () => {
        c = cases().find((x) => x.lang === lang && x.year === year)!;
        expect(c, `no ${year} ${lang} edition in the sample`).toBeDefined();
        doc = await openPdf(join(site, 'pdf', c.file));
        texts = await allPages(doc, (page) => pageText(page));
      });
      afterAll(async () => {
        await closePdf(doc);
      });

      it('is A4 with a sensible number of pages', async () => {
        expect(doc.numPages).toBeGreaterThanOrEqual(MIN_PAGES);
        expect(doc.numPages).toBeLessThanOrEqual(MAX_PAGES);
        for (const n of [1, 2, doc.numPages]) {
          const [, , w, h] = (await doc.getPage(n)).view;
          expect(w).toBeCloseTo(A4.width, 0);
          expect(h).toBeCloseTo(A4.height, 0);
        }
      });

      it('has its metadata: title, author, subject, keywords, language, creator, dates', async () => {
        const edition = model.editions.find((e) => e.year === year)!;
        const { info } = (await doc.getMetadata()) as { info: Record<string, string> };
        expect(info.Title).toBe(edition.editorial[lang]!.meta.title || `${model.study.title[lang]} ${year}`);
        expect(info.Author).toBe(model.study.organisation[lang]);
        expect(info.Subject).toContain(model.study.organisation[lang]);
        expect(info.Subject).toContain(String(year));
        expect(info.Keywords).toContain(model.study.title[lang]);
        expect(info.Keywords).toContain(String(year));
        expect(info.Language).toBe(lang);
        expect(info.Creator).toBe(`Luotain ${model.toolVersion}`);
        // A published edition is dated by its publication date, so rebuilding gives the same dates.
        expect(edition.status).toBe('published');
        const published = (edition.published ?? edition.editorial[lang]!.meta.published)!;
        expect(info.CreationDate).toBe(`D:${published.replaceAll('-', '')}120000Z`);
        expect(info.ModDate).toBe(info.CreationDate);
      });

      it('is tagged (MarkInfo Marked, a structure tree with headings)', async () => {
        const mark = (await doc.getMarkInfo()) as Map<string, boolean> | Record<string, boolean> | null;
        const marked = mark instanceof Map ? mark.get('Marked') : mark?.Marked;
        expect(marked).toBe(true);
        const tree = await (await doc.getPage(3)).getStructTree();
        expect(JSON.stringify(tree)).toMatch(/"role":"H\d"/);
      });

      it('has an outline with the sections, titles spelled as the headings', async () => {
        const titles = outlineTitles((await doc.getOutline()) as OutlineNode[] | null);
        expect(titles.length).toBeGreaterThan(20);
        for (const key of ['summary', 'dimensions', 'groups', 'drivers', 'benchmark', 'method', 'tables'] as const) {
          expect(titles, t(lang, `ui.${key}`)).toContain(t(lang, `ui.${key}`));
        }
        // Trends from the second edition on: the first edition's would be one dot per chart.
        if (year === YEARS[0]) expect(titles).not.toContain(t(lang, 'ui.trends'));
        else expect(titles).toContain(t(lang, 'ui.trends'));
        // Chromium drops the space where a heading wraps; the export puts it back.
        expect(titles[0]).toBe(`${model.study.title[lang]} ${year}`);
        for (const g of model.study.groups) expect(titles).toContain(g.label[lang]);
      });

      it('shows the headline figures in the number format of its language', async () => {
        const json = JSON.parse(await readFile(join(site, downloadHref(model.study, model.editions.find((e) => e.year === year)!, 'json')), 'utf8')) as {
          edition: { indicators: IndicatorModel[] };
        };
        const all = texts.join('\n');
        for (const id of model.study.headlines) {
          const indicator = json.edition.indicators.find((i) => i.id === id)!;
          const mean = indicator.stats.total!.mean;
          expect(mean.shown).toBe(true);
          if (!mean.shown) continue;
          const decimals = indicator.kind === 'nps' ? 0 : 2;
          const shown = formatNumber(mean.estimate, decimals, lang);
          expect(all, `${id} ${shown}`).toContain(shown);
          if (decimals > 0) {
            // The other language's decimal mark must not be what the cards show.
            const otherMark = LANGUAGES.find((l) => localeOf(l).decimal !== localeOf(lang).decimal)!;
            const other = formatNumber(mean.estimate, decimals, otherMark);
            expect(texts[2], `summary page shows ${other}`).not.toContain(other);
            expect(texts[2]).toContain(shown);
          }
        }
      });

      it('has a cover with the organisation, title, year and publication date as plain text', () => {
        const edition = model.editions.find((e) => e.year === year)!;
        const cover = texts[0]!;
        // Upper-cased by CSS; letter-spacing would split it into single letters.
        expect(cover).toContain(model.study.organisation[lang].toUpperCase());
        expect(cover).toContain(model.study.title[lang]);
        expect(cover).toContain(String(year));
        const published = (edition.published ?? edition.editorial[lang]!.meta.published)!;
        expect(cover).toContain(formatDate(published, lang));
      });

      it('has a contents page with page numbers that point at the sections', () => {
        const toc = texts[1]!;
        expect(toc).toContain(t(lang, 'ui.contents'));
        const entry = new RegExp(`${t(lang, 'ui.tables')} (\\d+)`);
        const n = Number(entry.exec(toc)?.[1]);
        expect(n).toBeGreaterThan(3);
        expect(texts[n - 1]).toContain(t(lang, 'ui.tables'));
        const trends = Number(new RegExp(`${t(lang, 'ui.trends')} (\\d+)`).exec(toc)?.[1]);
        if (year === YEARS[0]) expect(toc).not.toContain(t(lang, 'ui.trends'));
        else expect(texts[trends - 1]).toContain(t(lang, 'ui.trends'));
      });

      it('has a running header and footer with "page N / M" on every page but the cover', () => {
        const word = t(lang, 'print.page');
        expect(texts[0]).not.toContain(`${word} 1 / `);
        for (let n = 2; n <= texts.length; n++) {
          expect(texts[n - 1], `page ${n}`).toContain(`${word} ${n} / ${texts.length}`);
          expect(texts[n - 1], `page ${n}`).toContain(model.study.organisation[lang]);
        }
      });

      it('links within itself, and never to the temporary local server', async () => {
        const annotations = (await allPages(doc, (page) => page.getAnnotations())).flat() as { subtype: string; url?: string; dest?: unknown }[];
        const links = annotations.filter((a) => a.subtype === 'Link');
        expect(links.filter((a) => a.dest !== undefined).length, 'contents page links').toBeGreaterThanOrEqual(10);
        for (const a of links) expect(a.url ?? '').not.toMatch(/127\.0\.0\.1|localhost/);
      });

      it('embeds its fonts, Inter among them', async () => {
        const names = new Set<string>();
        for (const n of [1, 2, 3, Math.ceil(doc.numPages / 2), doc.numPages]) {
          for (const font of await pageFonts(await doc.getPage(n))) {
            expect(font.embedded, `${font.name} on page ${n}`).toBe(true);
            names.add(font.name.replace(/^[A-Z]{6}\+/, ''));
          }
        }
        expect(
          [...names].some((name) => /^Inter/.test(name)),
          [...names].join(', '),
        ).toBe(true);
      });

      it('has no blank page: every page draws something, and renders with ink in its body', async () => {
        const ops = await allPages(doc, (page) => drawingOps(page));
        ops.forEach((o, i) => expect(o.text + o.paths + o.images, `page ${i + 1}`).toBeGreaterThan(0));
        ops.forEach((o, i) => expect(o.images, `page ${i + 1}: charts must stay vector`).toBe(0));
        const ink = await allPages(doc, (page) => inkShare(doc, page));
        ink.forEach((share, i) => expect(share, `page ${i + 1} is (nearly) blank`).toBeGreaterThan(0.004));
      });

      it('prints the band colours (backgrounds are not dropped)', async () => {
        // The cover's stripe shows every band colour; the PDF sets them as fill colours.
        const page = await doc.getPage(1);
        const list = await page.getOperatorList();
        const { OPS } = await import('pdfjs-dist/legacy/build/pdf.mjs');
        const fills = new Set<string>();
        list.fnArray.forEach((fn, i) => {
          if (fn === OPS.setFillRGBColor) fills.add(String((list.argsArray[i] as unknown[])[0]).toLowerCase());
        });
        for (const band of model.study.bands) expect([...fills], band.colour).toContain(band.colour.toLowerCase());
      });
    });
  }
}
