/**
 * Accessibility of every page type in both languages: axe finds nothing serious
 * or critical (with every folded table opened, so tables are checked too), the
 * skip link moves focus to the main content, and keyboard focus is visible.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { TEST_LOAD } from '../support/effects.ts';
import { loadReport } from '../../src/pipeline/load-report.ts';
import type { ReportModel } from '../../src/model/types.ts';
import { groupSlug } from '../../src/site/view.ts';
import { axeFindings, openSite, type ServedSite } from './support.ts';

const siteDir = inject('sampleSite');
let site: ServedSite;
// axe needs a page of an explicit context (browser.newContext()), not browser.newPage().
let context: BrowserContext;
let page: Page;
let model: ReportModel;

beforeAll(async () => {
  const loaded = await loadReport({ dataDir: 'data', reportsDir: 'reports', ...TEST_LOAD });
  if (!loaded.model) throw new Error(`the sample study does not load: ${loaded.issues.map((i) => i.message).join('; ')}`);
  model = loaded.model;
  site = await openSite(siteDir);
  context = await site.browser.newContext();
  page = await context.newPage();
}, 120_000);

afterAll(async () => {
  await context?.close();
  await site?.close();
});

function pageTypes(lang: string, year: number): Record<string, string> {
  const edition = model.editions.find((e) => e.year === year)!;
  const area = edition.indicators.find((i) => i.kind === 'dimension')!.id;
  const base = `/${lang}/${year}/`;
  return {
    summary: base,
    area: `${base}areas/${area}/`,
    group: `${base}groups/${groupSlug(model.study, model.study.groups[0]!.code)}/`,
    drivers: `${base}drivers/`,
    trends: `${base}trends/`,
    benchmark: `${base}benchmark/`,
    method: `${base}method/`,
    tables: `${base}tables/`,
    print: `${base}print/`,
  };
}

async function axe(page: Page, path: string) {
  return axeFindings(page, site.origin, path);
}

describe('axe', () => {
  it('finds nothing on the landing page', async () => {
    expect(await axe(page, '/')).toEqual([]);
  });

  for (const lang of ['fi', 'sv', 'en']) {
    it(`finds nothing on any page type (${lang})`, async () => {
      const paths = {
        ...pageTypes(lang, model.latestYear!),
        // An older edition (with its notice) and a group whose figures are withheld.
        olderArea: `/${lang}/2023/areas/interaction/`,
        withheldGroup: `/${lang}/2023/groups/${groupSlug(model.study, 'community')}/`,
      };
      const found: string[] = [];
      // Two tabs at a time: axe is busy in the page, and there are two cores.
      const queue = Object.entries(paths);
      const second = await context.newPage();
      try {
        await Promise.all(
          [page, second].map(async (tab) => {
            for (let next = queue.shift(); next; next = queue.shift()) for (const v of await axe(tab, next[1])) found.push(`${next[0]} ${next[1]}: ${v}`);
          }),
        );
      } finally {
        await second.close();
      }
      expect(found.sort()).toEqual([]);
    }, 120_000);
  }
});

/**
 * Text in charts against what lies under it (the bar it sits on, else the white page):
 * axe skips the inside of role="img" charts, but people still read those labels.
 */
async function chartTextContrast(): Promise<string[]> {
  return page.evaluate(() => {
    const rgb = (s: string) =>
      s
        .match(/[\d.]+/g)
        ?.slice(0, 3)
        .map(Number);
    const lum = (c: number[]) => {
      const [r, g, b] = c.map((v) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const ratio = (a: number[], b: number[]) => (Math.max(lum(a), lum(b)) + 0.05) / (Math.min(lum(a), lum(b)) + 0.05);
    const out = new Map<string, string>();
    for (const svg of document.querySelectorAll('svg')) {
      const shapes = [...svg.querySelectorAll('rect, path, circle, polygon')].filter((e) => {
        const cs = getComputedStyle(e);
        return cs.fill !== 'none' && Number(cs.fillOpacity) * Number(cs.opacity) >= 0.5 && rgb(cs.fill);
      });
      for (const text of svg.querySelectorAll('text')) {
        const fg = rgb(getComputedStyle(text).fill);
        if (!text.textContent?.trim() || !fg) continue;
        const box = text.getBoundingClientRect();
        const [cx, cy] = [box.x + box.width / 2, box.y + box.height / 2];
        let bg = [255, 255, 255];
        for (const e of shapes) {
          // Only shapes painted before the text lie under it.
          if (!(e.compareDocumentPosition(text) & Node.DOCUMENT_POSITION_FOLLOWING)) continue;
          const b = e.getBoundingClientRect();
          if (cx >= b.left && cx <= b.right && cy >= b.top && cy <= b.bottom) bg = rgb(getComputedStyle(e).fill)!;
        }
        const r = ratio(fg, bg);
        // One finding per colour pair, with an example.
        if (r < 4.5) out.set(`${getComputedStyle(text).fill} on rgb(${bg.join(', ')})`, `${r.toFixed(2)}:1, e.g. "${text.textContent.trim().slice(0, 40)}"`);
      }
    }
    return [...out].map(([colours, example]) => `${colours}: ${example}`);
  });
}

describe('chart text', () => {
  it('contrasts at least 4.5:1 with its background on every chart page type', async () => {
    const found: string[] = [];
    for (const [type, path] of Object.entries(pageTypes('fi', model.latestYear!))) {
      if (type === 'print' || type === 'tables' || type === 'method') continue;
      await page.goto(site.origin + path);
      for (const v of await chartTextContrast()) found.push(`${type}: ${v}`);
    }
    expect(found).toEqual([]);
  });
});

describe('keyboard', () => {
  for (const lang of ['fi', 'sv', 'en']) {
    it(`the skip link is the first stop and moves focus to main (${lang})`, async () => {
      for (const path of ['/', `/${lang}/${model.latestYear}/`, `/${lang}/${model.latestYear}/tables/`]) {
        await page.goto(site.origin + path);
        await page.keyboard.press('Tab');
        const first = await page.evaluate(() => {
          const a = document.activeElement as HTMLElement;
          const box = a.getBoundingClientRect();
          return { cls: a.className, href: a.getAttribute('href'), visible: box.width > 0 && box.height > 0 && box.top >= 0 && box.bottom <= innerHeight };
        });
        expect(first, path).toEqual({ cls: 'skip-link', href: '#main', visible: true });
        await page.keyboard.press('Enter');
        await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('main');
        expect(new URL(page.url()).hash).toBe('#main');
        // The next Tab continues from inside main, not from the top of the page.
        await page.keyboard.press('Tab');
        expect(await page.evaluate(() => document.querySelector('main')!.contains(document.activeElement))).toBe(true);
      }
    });
  }

  it('shows a visible focus outline on the first keyboard stops', async () => {
    for (const path of ['/', `/fi/${model.latestYear}/`, `/en/2023/areas/interaction/`]) {
      await page.goto(site.origin + path);
      for (let i = 0; i < 6; i++) {
        await page.keyboard.press('Tab');
        const focus = await page.evaluate(() => {
          const a = document.activeElement as HTMLElement;
          const s = getComputedStyle(a);
          return { what: `${a.tagName} ${a.textContent?.trim().slice(0, 30)}`, focusVisible: a.matches(':focus-visible'), style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
        });
        expect(focus.focusVisible, `${path} ${focus.what}`).toBe(true);
        expect(focus.style, `${path} ${focus.what}`).not.toBe('none');
        expect(focus.width, `${path} ${focus.what}`).toBeGreaterThanOrEqual(2);
      }
    }
  });
});
