/**
 * Hardening: a copy of the sample study whose labels, editorial text and a group
 * code carry markup is built and opened in Chromium. No script runs, no element
 * gets an event handler, and the labels show literally, in HTML and inline SVG.
 */
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import Papa from 'papaparse';
import { buildSite } from '../../src/cli/build.ts';
import { silentEffects } from '../support/effects.ts';
import { openSite, pageFacts, type ServedSite } from './support.ts';

const SCRIPT = '<script>alert(1)</script>';
const IMG = '"><img src=x onerror=alert(1)>';
const YEARS = [2024, 2025];
const YEAR = 2025;
const QUOTED_CODE = 'comm"unity';

const labels = {
  title: { fi: `Tutkimus ${SCRIPT}`, sv: `Undersökning ${SCRIPT}`, en: `Study ${SCRIPT}` },
  organisation: { fi: `Yhtiö ${IMG}`, sv: `Bolag ${IMG}`, en: `Company ${IMG}` },
  group: { fi: `Yleisö ${SCRIPT} ${IMG}`, sv: `Allmänheten ${SCRIPT} ${IMG}`, en: `Public ${SCRIPT} ${IMG}` },
  dimension: { fi: `Vuorovaikutus ${IMG}`, sv: `Växelverkan ${IMG}`, en: `Interaction ${IMG}` },
  item: { fi: `Väite ${SCRIPT}`, sv: `Påstående ${SCRIPT}`, en: `Statement ${SCRIPT}` },
};

let work: string;
let outDir: string;
let site: ServedSite;
let context: BrowserContext;
let page: Page;
const dialogs: string[] = [];

interface Label {
  fi: string;
  en: string;
}
interface StudyJson {
  title: Label;
  organisation: Label;
  groups: { code: string; label: Label }[];
  items: { id: string; label: Label }[];
  dimensions: { id: string; label: Label; items: string[] }[];
}

/** Copies the sample's YEARS into `work` with hostile labels, commentary and a quoted group code. */
async function hostileStudy(): Promise<void> {
  const data = join(work, 'data');
  const reports = join(work, 'reports');
  await mkdir(data, { recursive: true });
  const study = JSON.parse(await readFile('data/study.json', 'utf8')) as StudyJson & { $schema?: string };
  delete study.$schema;
  study.title = labels.title;
  study.organisation = labels.organisation;
  study.groups.find((g) => g.code === 'public')!.label = labels.group;
  study.groups.find((g) => g.code === 'community')!.code = QUOTED_CODE;
  study.dimensions.find((d) => d.id === 'interaction')!.label = labels.dimension;
  study.items.find((i) => i.id === 'int1')!.label = labels.item;
  await writeFile(join(data, 'study.json'), JSON.stringify(study, null, 2));
  await cp('data/benchmarks.csv', join(data, 'benchmarks.csv'));
  for (const year of YEARS) {
    await mkdir(join(data, String(year)));
    const csv = await readFile(`data/${year}/responses.csv`, 'utf8');
    // The group column is the second; quote the new code as CSV wants.
    await writeFile(join(data, String(year), 'responses.csv'), csv.replace(/^([^,\n]*),community,/gm, `$1,"${QUOTED_CODE.replace(/"/g, '""')}",`));
    for (const lang of ['fi', 'sv', 'en']) {
      const dir = join(reports, String(year), lang);
      await cp(`reports/${year}/${lang}`, dir, { recursive: true });
      const md = await readFile(join(dir, 'index.md'), 'utf8');
      await writeFile(
        join(dir, 'index.md'),
        md.replace(/^title: (.*)$/m, `title: $1 ${SCRIPT}`) +
          `\n\n${SCRIPT}\n\nTeksti ${IMG} ja <a href="javascript:alert(1)" onclick="alert(1)">linkki</a>, [md](javascript:alert(1)) <iframe src="javascript:alert(1)"></iframe>\n`,
      );
    }
    // No publication record: the copy's figures are not the published ones.
  }
}

async function builtPages(root: string, under: string[]): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name === 'index.html')
    .map(
      (e) =>
        `/${relative(root, e.parentPath)
          .split(sep)
          .filter(Boolean)
          .map((p) => `${p}/`)
          .join('')}`,
    )
    .filter((p) => p === '/' || under.some((u) => p.startsWith(u)))
    .sort();
}

/** Text with all whitespace removed: chart labels wrap over several lines (tspans). */
const squash = (s: string) => s.replace(/\s+/g, '');

beforeAll(async () => {
  // Inside the working directory: Astro keeps a build's prerender chunks beside an output
  // there, but shares one folder for outputs elsewhere, so parallel builds would collide.
  work = await mkdtemp(resolve('test-output', 'hostile-'));
  outDir = join(work, 'site');
  await hostileStudy();
  const effects = silentEffects();
  const code = await buildSite({ dataDir: join(work, 'data'), reportsDir: join(work, 'reports'), cwd: work, outDir, pdf: false }, effects);
  if (code !== 0) throw new Error(`building the hostile copy failed:\n${effects.errors.join('\n')}`);
  site = await openSite(outDir);
  context = await site.browser.newContext();
  context.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  page = await context.newPage();
}, 180_000);

afterAll(async () => {
  await context?.close();
  await site?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

describe('hostile labels and commentary', () => {
  it('leave no <script>, <img>, <iframe>, javascript: link or on* attribute in any built HTML file', async () => {
    const files = (await readdir(outDir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile() && e.name.endsWith('.html'));
    expect(files.length).toBeGreaterThan(20);
    const problems: string[] = [];
    for (const f of files) {
      // Attribute values may hold "<" and ">" (escaped quotes keep them inside): blank them first.
      const html = (await readFile(join(f.parentPath, f.name), 'utf8')).replace(/="[^"]*"/g, '=""');
      for (const re of [/<script/i, /<img/i, /<iframe/i, /href\s*=\s*["']?\s*javascript:/i, /<[a-z][^>]*\son[a-z]+\s*=/i]) {
        const m = re.exec(html);
        if (m) problems.push(`${relative(outDir, join(f.parentPath, f.name))}: ${html.slice(Math.max(0, m.index - 40), m.index + 60)}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('run no script and show the labels literally on every page of an edition', async () => {
    const paths = await builtPages(
      outDir,
      [`fi/${YEAR}/`, `en/${YEAR}/`].map((p) => `/${p}`),
    );
    expect(paths.length).toBeGreaterThan(40);
    const problems: string[] = [];
    for (const path of paths) {
      const res = await page.goto(site.origin + path);
      expect(res?.status(), path).toBe(200);
      const facts = await pageFacts(page);
      const lang = (await page.locator('html').getAttribute('lang')) as 'fi' | 'sv' | 'en';
      const dom = await page.evaluate(() => ({
        img: document.querySelectorAll('img, iframe, object, embed').length,
        jsLinks: [...document.querySelectorAll('a')].filter((a) => /^\s*javascript:/i.test(a.getAttribute('href') ?? '')).length,
      }));
      if (facts.scripts > 0) problems.push(`${path}: ${facts.scripts} <script>`);
      if (facts.handlers.length > 0) problems.push(`${path}: handlers ${facts.handlers.join(' | ')}`);
      if (dom.img > 0) problems.push(`${path}: ${dom.img} img/iframe/object`);
      if (dom.jsLinks > 0) problems.push(`${path}: ${dom.jsLinks} javascript: links`);
      // The study title is in every page's header, as text.
      if (!facts.bodyText.includes(labels.title[lang])) problems.push(`${path}: title not shown literally`);
    }
    expect(problems).toEqual([]);
    expect(dialogs).toEqual([]);
  }, 120_000);

  for (const lang of ['fi', 'sv', 'en'] as const) {
    it(`${lang}: show group, area and item labels literally in headings, tables and chart SVG`, async () => {
      await page.goto(`${site.origin}/${lang}/${YEAR}/groups/public/`);
      expect(await page.locator('h1').textContent()).toBe(labels.group[lang]);
      expect(await page.title()).toContain(labels.group[lang]);

      await page.goto(`${site.origin}/${lang}/${YEAR}/areas/interaction/`);
      expect(await page.locator('h1').textContent()).toBe(labels.dimension[lang]);
      const svgText = squash((await page.locator('main figure.chart svg').allTextContents()).join('\n'));
      expect(svgText).toContain(squash(labels.item[lang]));
      expect(svgText).toContain(squash(labels.group[lang]));
      expect(svgText).toContain(squash(labels.dimension[lang]));
      // Accessible names of the charts carry the labels as text too.
      const ariaLabels = (await page.locator('main figure.chart svg[aria-label]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')))).join('\n');
      expect(ariaLabels).toContain(labels.group[lang]);
      const cells = await page.locator('main figure.chart table th[scope="row"]').allTextContents();
      expect(cells).toContain(labels.item[lang]);
      expect(cells).toContain(labels.group[lang]);

      // Series labels of trend charts are cut short with "…": the markup-like start of the label stays text.
      await page.goto(`${site.origin}/${lang}/${YEAR}/trends/`);
      expect(squash((await page.locator('main figure.chart svg').allTextContents()).join('\n'))).toContain(squash(`${labels.group[lang].split(' ')[0]} ${SCRIPT}`));

      // The editorial markup shows as harmless text or not at all; the summary's h1 keeps it as text.
      await page.goto(`${site.origin}/${lang}/${YEAR}/`);
      expect(await page.locator('h1').textContent()).toContain(SCRIPT);
      expect(await page.locator('main .commentary a[href^="javascript" i]').count()).toBe(0);
      expect(dialogs).toEqual([]);
    });
  }

  it('give a group whose code has a quote a safe page and intact downloads', async () => {
    const slugged = (await builtPages(outDir, [`/fi/${YEAR}/groups/`])).filter((p) => p !== '/' && !/groups\/(public|private|business|partners)\/$/.test(p));
    expect(slugged).toHaveLength(1);
    expect(slugged[0]).toMatch(/^\/fi\/2025\/groups\/[A-Za-z0-9_-]+\/$/);
    await page.goto(site.origin + slugged[0]);
    expect(await page.locator('h1').textContent()).toBeTruthy();
    const csv = await readFile(join(outDir, 'downloads', `kaukovesi-maine-${YEAR}-indicators.csv`), 'utf8');
    const rows = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;
    expect(rows.some((r) => r.breakdown === 'group' && r.domain === QUOTED_CODE)).toBe(true);
    const json = JSON.parse(await readFile(join(outDir, 'downloads', `kaukovesi-maine-${YEAR}-indicators.json`), 'utf8')) as { edition: { domains: { key: string }[] } };
    expect(json.edition.domains.map((d) => d.key)).toContain(`group:${QUOTED_CODE}`);
    expect(dialogs).toEqual([]);
  });
});
