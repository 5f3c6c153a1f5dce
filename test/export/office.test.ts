/**
 * The workbook and the deck read back: every cell of the workbook against the site's
 * table views (as shown, suppressed marks, frozen rows, number formats), the deck's
 * chart data against the model, and the same bytes from the same model.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { deckBytes } from '../../src/export/deck.ts';
import { shownNumber } from '../../src/export/shown-number.ts';
import { sheetNames, workbookBytes } from '../../src/export/workbook.ts';
import { formatCount, formatNumber, formatPercent, formatSigned } from '../../src/format/number.ts';
import type { Lang } from '../../src/i18n/index.ts';
import { t } from '../../src/i18n/text.ts';
import type { ReportModel } from '../../src/model/types.ts';
import { reportSheets } from '../../src/site/report-tables.ts';
import { overviewDimensions } from '../../src/site/view.ts';
import { siteReport } from '../site/fixture.ts';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadReport } from '../../src/pipeline/load-report.ts';
import { TEST_LOAD } from '../support/effects.ts';
import { type Shape, writeStudyFolder } from '../support/study-shapes.ts';

/** What a cell stored with one of the workbook's formats looks like, written by the site's own formatters. */
function displayed(value: number, format: string, lang: Lang): string {
  const star = format.includes('"*"') ? '*' : '';
  const body = format.split(';')[0]!.replace(/"[^"]*"/g, '');
  const decimals = /\.(0+)/.exec(body)?.[1]?.length ?? 0;
  const percent = body.includes('%');
  if (format.startsWith('"±"') && !format.includes(';')) return `±${formatPercent(value, lang, decimals)}`;
  if (format.includes(';')) return (percent ? formatPercent(value, lang, decimals) : formatSigned(value, decimals, lang)) + star;
  if (percent) return formatPercent(value, lang, decimals) + star;
  return (decimals === 0 && value >= 0 ? formatCount(value, lang) : formatNumber(value, decimals, lang)) + star;
}

async function readBook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return book;
}

describe('shownNumber', () => {
  it('reads back what the formatters write, to the digits shown', () => {
    expect(shownNumber('3,45', 'fi')).toEqual({ value: 3.45, format: '#,##0.00' });
    expect(shownNumber('12\u00a0%', 'sv')).toEqual({ value: 0.12, format: '#,##0%' });
    expect(shownNumber('3\u00a0112', 'fi')).toEqual({ value: 3112, format: '#,##0' });
    expect(shownNumber('3,112', 'en')).toEqual({ value: 3112, format: '#,##0' });
    expect(shownNumber('\u22120,12*', 'fi')).toEqual({ value: -0.12, format: '"+"#,##0.00"*";"\u2212"#,##0.00"*";"±"#,##0.00"*"' });
    expect(shownNumber('\u00b10,00', 'fi')?.value).toBe(0);
    expect(shownNumber('\u00b13,1\u00a0%', 'fi')).toEqual({ value: 0.031, format: '"±"#,##0.0%' });
    for (const text of ['n < 30', '3,40–3,50', '–', 'Hyvä', '3.45']) expect(shownNumber(text, 'fi')).toBeUndefined();
  });
});

describe('sheetNames', () => {
  it('drops the characters Excel refuses, cuts at 31 and keeps names apart', () => {
    const names = sheetNames(['a/b:c*d?e[f]g\\h', 'x'.repeat(40), 'x'.repeat(40), 'Tables', 'TABLES']);
    expect(names[0]).toBe('a b c d e f g h');
    for (const n of names) expect(n.length).toBeLessThanOrEqual(31);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
  });
});

function checkWorkbook(model: ReportModel, lang: Lang) {
  const edition = model.editions[model.editions.length - 1]!;
  return async () => {
    const bytes = await workbookBytes(model, edition, lang);
    expect(Buffer.from(await workbookBytes(model, edition, lang)).equals(Buffer.from(bytes))).toBe(true);
    const book = await readBook(bytes);
    const sheets = reportSheets(model, edition, lang);
    expect(book.worksheets.length).toBe(sheets.length + 1);
    let numbers = 0;
    let suppressed = 0;
    sheets.forEach((s, i) => {
      const sheet = book.worksheets[i + 1]!;
      expect(sheet.getCell(1, 1).value).toBe(s.title);
      let row = 3;
      let firstHeader = 0;
      for (const table of s.tables) {
        expect(sheet.getCell(row, 1).value).toBe(table.caption);
        firstHeader ||= row + 1;
        table.head.forEach((h, c) => expect(sheet.getCell(row + 1, c + 1).value).toBe(h));
        table.rows.forEach((cells, r) =>
          cells.forEach((x, c) => {
            const cell = sheet.getCell(row + 2 + r, c + 1);
            if (typeof cell.value === 'number') {
              numbers++;
              expect(table.numeric[c]).toBe(true);
              expect(displayed(cell.value, cell.numFmt, lang)).toBe(x.text);
            } else {
              expect(cell.value).toBe(x.text);
            }
            if (x.suppressed) {
              suppressed++;
              expect(cell.value).toBe(x.text);
              expect(cell.font?.italic).toBe(true);
            }
          }),
        );
        row += table.rows.length + 3;
      }
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: s.tables.length === 1 ? firstHeader : 1 });
    });
    return { numbers, suppressed, book };
  };
}

/** The deck's chart parts in slide order (chart2 before chart10; the package lists them in another order). */
function chartParts(zip: JSZip): string[] {
  const number = (name: string) => Number(/(\d+)\.xml$/.exec(name)![1]);
  return Object.keys(zip.files)
    .filter((n) => /^ppt\/charts\/chart\d+\.xml$/.test(n))
    .sort((a, b) => number(a) - number(b));
}

function chartValues(xml: string): { name: string; categories: string[]; values: number[] }[] {
  return [...xml.matchAll(/<c:ser>([\s\S]*?)<\/c:ser>/g)].map(([, ser]) => {
    const name = /<c:tx>[\s\S]*?<c:v>([^<]*)<\/c:v>/.exec(ser!)?.[1] ?? '';
    const cat = /<c:(?:cat|xVal)>([\s\S]*?)<\/c:(?:cat|xVal)>/.exec(ser!)?.[1] ?? '';
    const val = /<c:(?:val|yVal)>([\s\S]*?)<\/c:(?:val|yVal)>/.exec(ser!)?.[1] ?? '';
    const points = (s: string) => [...s.matchAll(/<c:pt idx="\d+">\s*<c:v>([^<]*)<\/c:v>/g)].map((m) => m[1]!);
    return { name, categories: points(cat), values: points(val).map(Number) };
  });
}

describe('the workbook of the test study', () => {
  let model: ReportModel;
  beforeAll(() => {
    model = siteReport();
  });
  it('holds every table of the site as shown, in fi and en', async () => {
    for (const lang of ['fi', 'en'] as const) {
      const { numbers, suppressed, book } = await checkWorkbook(model, lang)();
      expect(numbers).toBeGreaterThan(100);
      void suppressed;
      expect(book.worksheets[0]!.getCell(1, 1).value).toBe(`${model.study.title[lang]} 2025`);
    }
  });
  it('marks withheld cells as the site does, in the sample study', async () => {
    const loaded = await loadReport({ dataDir: 'data', reportsDir: 'reports', cwd: process.cwd(), ...TEST_LOAD });
    const { numbers, suppressed } = await checkWorkbook(loaded.model!, 'sv')();
    expect(numbers).toBeGreaterThan(1000);
    expect(suppressed).toBeGreaterThan(0);
  }, 60_000);
  it('is made for a study without groups, NPS, drivers or benchmark, in one edition, in Swedish only', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'luotain-office-'));
    const shape: Shape = {
      name: 'bare-sv',
      about: 'bare, sv',
      scale: { min: 1, max: 5, topBox: 2, cantSay: [] },
      groups: false,
      weights: false,
      nps: false,
      benchmarks: false,
      background: false,
      drivers: false,
      editions: [2024],
      languages: ['sv'],
    };
    const { dataDir, reportsDir } = writeStudyFolder(shape, dir);
    const loaded = await loadReport({ dataDir, reportsDir, cwd: dir, ...TEST_LOAD });
    const model = loaded.model!;
    const { numbers } = await checkWorkbook(model, 'sv')();
    expect(numbers).toBeGreaterThan(10);
    const zip = await JSZip.loadAsync(await deckBytes(model, model.editions[0]!, 'sv'));
    const charts = await Promise.all(chartParts(zip).map((n) => zip.file(n)!.async('string')));
    // The areas only: no groups, NPS, drivers or trend to chart.
    expect(charts.length).toBe(1);
    expect(charts[0]).toContain('<c:barChart>');
  }, 60_000);
});

describe('the deck of the sample study', () => {
  it('labels a key driver whose quadrant is uncertain so, in the language of the deck', async () => {
    const { model } = await loadReport({ dataDir: 'data', reportsDir: 'reports', cwd: process.cwd(), ...TEST_LOAD });
    const edition = model!.editions.find((e) => e.drivers.some((d) => d.predictors.some((p) => !p.quadrantStable)))!;
    expect(edition).toBeDefined();
    const zip = await JSZip.loadAsync(await deckBytes(model!, edition, 'sv'));
    const scatters = (await Promise.all(chartParts(zip).map((n) => zip.file(n)!.async('string')))).filter((x) => x.includes('<c:scatterChart>'));
    expect(scatters).toHaveLength(edition.drivers.length);
    const uncertain = t('sv', 'ui.quadrantUncertain').toLocaleLowerCase('sv');
    edition.drivers.forEach((drivers, k) => {
      for (const p of drivers.predictors) expect(scatters[k]).toContain(p.quadrantStable ? `<a:t>${p.label.sv}</a:t>` : `<a:t>${p.label.sv} (${uncertain})</a:t>`);
    });
  }, 60_000);
});

describe('the deck of the test study', () => {
  it('has native charts whose cached values are the model’s, as shown, and the same bytes twice', async () => {
    const model = siteReport();
    const edition = model.editions[1]!;
    const bytes = await deckBytes(model, edition, 'en');
    expect(Buffer.from(await deckBytes(model, edition, 'en')).equals(Buffer.from(bytes))).toBe(true);
    const zip = await JSZip.loadAsync(bytes);
    const charts = chartParts(zip);
    expect(charts.length).toBeGreaterThan(2);
    const areasXml = await zip.file('ppt/charts/chart1.xml')!.async('string');
    const [areas] = chartValues(areasXml);
    const ids = overviewDimensions({ study: model.study, dimensions: edition.indicators.filter((i) => i.kind === 'dimension').map((i) => i.id) });
    const expected = ids.flatMap((id) => {
      const x = edition.indicators.find((i) => i.id === id)!;
      const m = x.stats.total?.mean;
      return m?.shown ? [{ label: x.label.en, value: Number(formatNumber(m.estimate, 2, 'en')) }] : [];
    });
    expect(areas!.categories).toEqual(expected.map((e) => e.label));
    expect(areas!.values).toEqual(expected.map((e) => e.value));
    const slides = Object.keys(zip.files).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n));
    const first = await zip.file('ppt/slides/slide1.xml')!.async('string');
    expect(first).toContain(model.study.title.en);
    const notes = await Promise.all(
      Object.keys(zip.files)
        .filter((n) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(n))
        .map((n) => zip.file(n)!.async('string')),
    );
    expect(notes.some((n) => n.includes('The highest score was for'))).toBe(true);
    expect(slides.length).toBeGreaterThan(4);

    const all = await Promise.all(charts.map((n) => zip.file(n)!.async('string')));
    const round2 = (x: number) => Number(formatNumber(x, 2, 'en'));
    // The NPS: each part of each domain whose parts are shown, as the model has it to the hundredth.
    const npsXml = all.find((x) => x.includes('<c:grouping val="percentStacked"/>'))!;
    const nps = edition.indicators.find((x) => x.id === 'nps')!;
    const [promoters, passives, detractors] = chartValues(npsXml);
    const shownDomains = Object.entries(nps.stats).filter(([key, st]) => (key === 'total' || key.startsWith('group:')) && st.promoters?.shown && st.passives?.shown && st.detractors?.shown);
    expect(promoters!.values).toHaveLength(shownDomains.length);
    const total = nps.stats.total!;
    if (total.promoters?.shown && total.passives?.shown && total.detractors?.shown) {
      expect([promoters!.values[0], passives!.values[0], detractors!.values[0]]).toEqual([round2(total.promoters.estimate), round2(total.passives.estimate), round2(total.detractors.estimate)]);
    }
    // The key drivers of all respondents and of each group with an analysis, in the site's order: importance on x,
    // performance on y, a factor whose quadrant is uncertain labelled so.
    const scatters = all.filter((x) => x.includes('<c:scatterChart>'));
    expect(scatters).toHaveLength(edition.drivers.length);
    expect(edition.drivers.length).toBeGreaterThan(1);
    edition.drivers.forEach((drivers, k) => {
      const [scatter] = chartValues(scatters[k]!);
      expect(scatter!.categories.map(Number)).toEqual(drivers.predictors.map((p) => round2(p.importance)));
      expect(scatter!.values).toEqual(drivers.predictors.map((p) => round2(p.performance)));
      for (const p of drivers.predictors) expect(scatters[k]).toContain(p.quadrantStable ? `<a:t>${p.label.en}</a:t>` : `<a:t>${p.label.en} (uncertain)</a:t>`);
    });
    // A trend: all respondents' line is the model's series, year by year.
    const trendXml = all.filter((x) => x.includes('<c:lineChart>'));
    expect(trendXml.length).toBeGreaterThan(0);
    const firstTrend = chartValues(trendXml[0]!)[0]!;
    expect(firstTrend.categories).toEqual(model.editions.map((e) => String(e.year)));
    const series = model.trends.find((tr) => tr.indicator === model.study.headlines[0] && tr.domain === 'total')!;
    expect(firstTrend.values).toEqual(series.points.map((p) => (p.cell?.shown ? Number(formatNumber(p.cell.estimate, model.study.headlines[0] === 'nps' ? 0 : 2, 'en')) : Number.NaN)));
  });
});
