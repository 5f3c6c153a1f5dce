/**
 * What the built sample site shows, checked against the report model: a group
 * below the minimum base shows no number anywhere (pages, tables, charts,
 * downloads), and figures follow each language's number format.
 */
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import Papa from 'papaparse';
import { TEST_LOAD } from '../support/effects.ts';
import { loadReport } from '../../src/pipeline/load-report.ts';
import type { Cell, EditionModel, IndicatorStats, ReportModel } from '../../src/model/types.ts';
import type { Lang } from '../../src/study/schema.ts';
import { formatNumber, formatPercent } from '../../src/format/number.ts';
import { localeOf, t } from '../../src/i18n/index.ts';
import { groupSlug } from '../../src/site/view.ts';
import { numberTokens, openSite, type ServedSite } from './support.ts';

const siteDir = inject('sampleSite');
const YEAR = 2023;
const GROUP = 'community';
const DOMAIN = `group:${GROUP}`;

let site: ServedSite;
let context: BrowserContext;
let page: Page;
let model: ReportModel;
let edition: EditionModel;
/** The same edition computed with the minimum base lowered to 5: the group's figures as they would be if shown. */
let unsuppressed: EditionModel;
let work: string;

/** Every cell of an indicator's figures in one domain. */
function cellsOf(stats: IndicatorStats | undefined): Cell[] {
  if (!stats) return [];
  return [stats.mean, stats.topBox, ...(stats.distribution ?? []), stats.cantSay, stats.promoters, stats.passives, stats.detractors].filter((c): c is Cell => c !== undefined);
}

/** Loads the sample's edition YEAR with minBase 5, from a copy without publication records (so it is a draft). */
async function loadUnsuppressed(): Promise<EditionModel> {
  const data = join(work, 'data');
  const reports = join(work, 'reports');
  await mkdir(data, { recursive: true });
  const study = JSON.parse(await readFile('data/study.json', 'utf8')) as Record<string, unknown>;
  study.minBase = 5;
  delete study.$schema;
  await writeFile(join(data, 'study.json'), JSON.stringify(study));
  await cp('data/benchmarks.csv', join(data, 'benchmarks.csv'));
  await cp(`data/${YEAR}`, join(data, String(YEAR)), { recursive: true });
  for (const lang of study.languages as string[]) await cp(`reports/${YEAR}/${lang}`, join(reports, String(YEAR), lang), { recursive: true });
  const loaded = await loadReport({ dataDir: data, reportsDir: reports, skipVerification: [YEAR], ...TEST_LOAD });
  if (!loaded.model) throw new Error(`the copy does not load: ${loaded.issues.map((i) => i.message).join('; ')}`);
  return loaded.model.editions.find((e) => e.year === YEAR)!;
}

/**
 * The number strings at two decimals that the real edition legitimately shows for
 * the given domains (all of them when not given), in a language.
 */
function shownTokens(lang: Lang, domains?: readonly string[]): Set<string> {
  const out = new Set<string>();
  const add = (x: number | undefined) => x !== undefined && out.add(formatNumber(Math.abs(x), 2, lang));
  for (const x of edition.indicators) {
    for (const [key, s] of Object.entries(x.stats)) {
      if (domains && !domains.includes(key)) continue;
      for (const c of cellsOf(s)) if (c.shown) [c.estimate, ...c.ci].forEach(add);
      add(s.previous?.difference);
      add(s.benchmark?.mean);
      add(s.benchmark?.comparison?.difference);
    }
  }
  for (const d of edition.drivers) if (!domains || domains.includes(d.domain)) [d.r2, d.performanceSplit, ...d.predictors.map((p) => p.performance)].forEach(add);
  for (const b of model.study.bands) if (b.min !== undefined) [b.min, b.min - 0.01].forEach(add);
  return out;
}

/**
 * Two-decimal figures (means and interval ends) the group would show if it were
 * not withheld, minus those a shown figure of `domains` happens to share.
 */
function forbiddenTokens(lang: Lang, domains?: readonly string[]): string[] {
  const allowed = shownTokens(lang, domains);
  const out = new Set<string>();
  for (const x of unsuppressed.indicators) {
    if (x.kind === 'nps') continue;
    const mean = x.stats[DOMAIN]?.mean;
    if (mean?.shown) for (const v of [mean.estimate, ...mean.ci]) out.add(formatNumber(v, 2, lang));
  }
  return [...out].filter((s) => !allowed.has(s));
}

/** The text of every element matching `selector`, node by node (SVG text, closed <details> and aria-labels included). */
async function allText(p: Page, selector = 'html'): Promise<string> {
  return p.evaluate((sel) => {
    const parts: string[] = [];
    for (const root of document.querySelectorAll(sel)) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) parts.push(n.nodeValue ?? '');
      for (const e of root.querySelectorAll('[aria-label], [title], [alt]')) parts.push(e.getAttribute('aria-label') ?? '', e.getAttribute('title') ?? '', e.getAttribute('alt') ?? '');
    }
    return parts.join(' \n ');
  }, selector);
}

/** Table cells as text: each table's header texts and body rows (row header first). */
async function tables(p: Page, scope = 'main'): Promise<{ caption: string; head: string[]; rows: string[][] }[]> {
  return p.evaluate(
    (sel) =>
      [...document.querySelectorAll(`${sel} table`)].map((table) => ({
        caption: table.querySelector('caption')?.textContent?.trim() ?? '',
        head: [...table.querySelectorAll('thead th')].map((th) => th.textContent!.trim()),
        rows: [...table.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent!.trim())),
      })),
    scope,
  );
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'luotain-e2e-content-'));
  const loaded = await loadReport({ dataDir: 'data', reportsDir: 'reports', ...TEST_LOAD });
  if (!loaded.model) throw new Error(`the sample study does not load: ${loaded.issues.map((i) => i.message).join('; ')}`);
  model = loaded.model;
  edition = model.editions.find((e) => e.year === YEAR)!;
  unsuppressed = await loadUnsuppressed();
  site = await openSite(siteDir);
  context = await site.browser.newContext();
  page = await context.newPage();
}, 120_000);

afterAll(async () => {
  await context?.close();
  await site?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

describe(`a group below the minimum base (${GROUP}, ${YEAR})`, () => {
  it('is below the base in the model, and every figure of it is withheld', () => {
    const group = edition.respondents.groups.find((g) => g.code === GROUP)!;
    expect(group.belowBase).toBe(true);
    expect(group.n).toBeLessThan(model.study.minBase);
    const cells = edition.indicators.flatMap((x) => cellsOf(x.stats[DOMAIN]));
    expect(cells.length).toBeGreaterThan(0);
    expect(cells.filter((c) => c.shown)).toEqual([]);
    // The unsuppressed copy has the numbers the site must not show.
    expect(unsuppressed.indicators.find((x) => x.kind === 'index')!.stats[DOMAIN]!.mean.shown).toBe(true);
    for (const lang of model.study.languages) expect(forbiddenTokens(lang, ['total']).length, lang).toBeGreaterThan(20);
  });

  for (const lang of ['fi', 'en'] as const) {
    const suppressed = () => t(lang, 'ui.suppressed', { base: model.study.minBase });
    const withheld = (text: string) => text === suppressed() || text === '–';

    it(`${lang}: the group page reads "n < ${30}" and shows no estimate of the group`, async () => {
      const slug = groupSlug(model.study, GROUP);
      await page.goto(`${site.origin}/${lang}/${YEAR}/groups/${slug}/`);
      const label = model.study.groups.find((g) => g.code === GROUP)!.label[lang];
      expect(await page.locator('h1').textContent()).toBe(label);
      const all = await tables(page);
      expect(all.length).toBeGreaterThan(0);
      let checked = 0;
      for (const table of all) {
        // Only the all-respondents column may carry numbers on this page.
        const totalColumn = table.head.indexOf(t(lang, 'ui.total'));
        for (const row of table.rows) {
          row.forEach((cell, i) => {
            if (i === 0 || i === totalColumn) return;
            checked++;
            expect(withheld(cell), `${table.caption}: "${cell}" in ${row[0]}`).toBe(true);
          });
        }
      }
      expect(checked).toBeGreaterThan(10);
      expect(await page.locator('main td', { hasText: suppressed() }).count()).toBeGreaterThan(0);
      // The chart marks the group's rows as withheld too.
      const svgText = await allText(page, 'main figure.chart svg');
      expect(svgText).toContain(suppressed());
      const tokens = numberTokens(await allText(page));
      expect(forbiddenTokens(lang, ['total']).filter((s) => tokens.has(s))).toEqual([]);
    });

    it(`${lang}: the tables page and the summary's NPS table withhold the group's row`, async () => {
      const label = model.study.groups.find((g) => g.code === GROUP)!.label[lang];
      for (const path of ['tables/', '']) {
        await page.goto(`${site.origin}/${lang}/${YEAR}/${path}`);
        let rows = 0;
        for (const table of await tables(page)) {
          for (const row of table.rows.filter((r) => r[0] === label)) {
            rows++;
            for (const cell of row.slice(1)) expect(withheld(cell), `${path} ${table.caption}: "${cell}"`).toBe(true);
          }
        }
        expect(rows, path).toBeGreaterThan(0);
      }
      await page.goto(`${site.origin}/${lang}/${YEAR}/tables/`);
      // Beside the structural check: none of the group's would-be figures appears anywhere on the page
      // (leaving out values that some shown figure happens to share).
      const tokens = numberTokens(await allText(page));
      expect(forbiddenTokens(lang).filter((s) => tokens.has(s))).toEqual([]);
    });
  }

  it('the JSON download has only withheld cells for the group, without numbers', async () => {
    const json = JSON.parse(await readFile(resolve(siteDir, `downloads/${model.study.id}-${YEAR}-indicators.json`), 'utf8')) as { edition: EditionModel };
    let cells = 0;
    const numbersIn = (value: unknown, path: string): string[] => {
      if (typeof value === 'number') return [path];
      if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => numbersIn(v, `${path}.${k}`));
      return [];
    };
    for (const x of json.edition.indicators) {
      const stats = x.stats[DOMAIN];
      if (!stats) continue;
      for (const c of cellsOf(stats)) {
        cells++;
        expect(c.shown).toBe(false);
      }
      expect(numbersIn(stats, `${x.id}.${DOMAIN}`)).toEqual([]);
    }
    expect(cells).toBeGreaterThan(0);
    expect(json.edition.drivers.filter((d) => d.domain === DOMAIN)).toEqual([]);
  });

  it('the CSV download has only "suppressed" rows for the group', async () => {
    const text = await readFile(resolve(siteDir, `downloads/${model.study.id}-${YEAR}-indicators.csv`), 'utf8');
    const rows = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
    const group = rows.filter((r) => r.breakdown === 'group' && r.domain === GROUP);
    expect(group.length).toBeGreaterThan(0);
    expect(group.filter((r) => !r.statistic!.endsWith('.suppressed')).map((r) => `${r.indicator} ${r.statistic}=${r.value}`)).toEqual([]);
  });

  it("no download carries the group's would-be estimates, at any precision", async () => {
    const files = await Promise.all(['csv', 'json'].map((k) => readFile(resolve(siteDir, `downloads/${model.study.id}-${YEAR}-indicators.${k}`), 'utf8')));
    const values = unsuppressed.indicators
      .flatMap((x) => cellsOf(x.stats[DOMAIN]))
      .filter((c) => c.shown)
      .flatMap((c) => (c.shown ? [c.estimate, c.se, ...c.ci] : []))
      .map((v) => String(v))
      // Ten significant digits: that figure and no other. Simple fractions (1/9, 2/27…) of a small
      // unweighted group recur among other figures, so those are left out.
      .filter((v) => ![...Array(200).keys()].some((d) => d > 0 && Math.abs(Number(v) * d - Math.round(Number(v) * d)) < 1e-9))
      .map((v) => /^-?0\.0*\d{10}|^-?\d+\.\d*/.exec(v)![0])
      .filter((s) => s.replace(/^-?0?\.?0*/, '').replace('.', '').length >= 10);
    const distinctive = [...new Set(values)];
    expect(distinctive.length).toBeGreaterThan(20);
    for (const file of files) expect(distinctive.filter((v) => file.includes(v))).toEqual([]);
  });
});

describe('number formats', () => {
  for (const lang of ['fi', 'sv', 'en'] as const) {
    const { decimal, percentSpace } = localeOf(lang);
    it(`${lang}: the headline index reads "3${decimal}51"-style`, async () => {
      const latest = model.editions.find((e) => e.year === model.latestYear)!;
      const id = model.study.headlines.find((h) => latest.indicators.find((i) => i.id === h)?.kind === 'index')!;
      const x = latest.indicators.find((i) => i.id === id)!;
      const mean = x.stats.total!.mean;
      if (!mean.shown) throw new Error('the headline index is withheld');
      const expected = formatNumber(mean.estimate, 2, lang);
      expect(expected).toMatch(new RegExp(`^\\d\\${decimal}\\d\\d$`));
      await page.goto(`${site.origin}/${lang}/${latest.year}/`);
      const card = page.locator('.card', { has: page.getByRole('heading', { name: x.label[lang], exact: true }) });
      expect(await card.locator('.value').textContent()).toBe(expected);
      // The landing page (in the first language) shows the same figure.
      if (lang === model.study.languages[0]) {
        await page.goto(`${site.origin}/`);
        const landing = page.locator('.card', { has: page.getByRole('heading', { name: x.label[lang], exact: true }) });
        expect(await landing.locator('.value').textContent()).toBe(expected);
      }
    });

    it(`${lang}: percentages read ${percentSpace ? '"12 %" with a no-break space' : '"12%"'}, in tables and charts`, async () => {
      const latest = model.editions.find((e) => e.year === model.latestYear)!;
      const promoters = latest.indicators.find((i) => i.kind === 'nps')!.stats.total!.promoters!;
      if (!promoters.shown) throw new Error('promoters withheld');
      const expected = formatPercent(promoters.estimate, lang);
      expect(expected).toMatch(new RegExp(`^\\d+${percentSpace}%$`));
      await page.goto(`${site.origin}/${lang}/${latest.year}/`);
      const nps = (await tables(page)).find((tb) => tb.head.includes(t(lang, 'ui.promoters')))!;
      const column = nps.head.indexOf(t(lang, 'ui.promoters'));
      expect(nps.rows.find((r) => r[0] === t(lang, 'ui.total'))![column]).toBe(expected);
      expect(await allText(page, 'main figure.chart svg')).toContain(expected);
      // No percentage is written the other language's way (nor, in Finnish, with a breakable space).
      for (const path of ['', 'trends/', 'method/']) {
        await page.goto(`${site.origin}/${lang}/${latest.year}/${path}`);
        const text = await allText(page);
        const wrong = percentSpace ? /.{0,20}\d(%| %).{0,10}/g : /.{0,20}\d[\s\u00a0]%.{0,10}/g;
        expect(text.match(wrong) ?? [], `/${lang}/${latest.year}/${path}`).toEqual([]);
      }
    });

    it(`${lang}: numeric table cells use the decimal ${decimal === ',' ? 'comma' : 'point'}`, async () => {
      await page.goto(`${site.origin}/${lang}/${model.latestYear}/tables/`);
      const cells = await page.locator('main td.num').allTextContents();
      expect(cells.length).toBeGreaterThan(100);
      const wrong = cells.filter((c) => (decimal === ',' ? /\d\.\d/.test(c) : /\d,\d{1,2}(?!\d)/.test(c)));
      expect(wrong).toEqual([]);
      expect(cells.some((c) => new RegExp(`\\d\\${decimal}\\d\\d`).test(c))).toBe(true);
    });
  }
});
