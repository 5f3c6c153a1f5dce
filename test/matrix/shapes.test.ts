/**
 * The study-shape matrix: for every shape of test/support/study-shapes.ts, the site
 * is built once (no PDFs) into test-output/matrix/<shape>/site and read back, from its
 * HTML and in Chromium. No page may say what the study contradicts (scale labels,
 * weighting, NPS, groups, trends, can't say, benchmark, drivers, background), each
 * page's text is in the language its `lang` says, no dictionary key or placeholder
 * leaks, every internal link resolves, and axe finds nothing on the summary, an area
 * and the method page in every language.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LANGUAGES, type Lang, t } from '../../src/i18n/index.ts';
import { type Shape, SHAPES } from '../support/study-shapes.ts';
import { axeFindings, crawl, openSite, type ServedSite } from '../e2e/support.ts';
import { type BuiltPage, buildShape, dictionaryKeys, distinctivePhrases, FUNCTION_WORDS, findings, phraseHits, readSite, regexHits, textPattern, textsOf, wordHits } from './support.ts';

const PHRASES = Object.fromEntries(LANGUAGES.map((l) => [l, distinctivePhrases(l)])) as Record<Lang, string[]>;
const KEY_PATTERN = new RegExp(`(?<![\\w.])(?:${[...new Set(dictionaryKeys().map((k) => k.split('.')[0]))].join('|')})\\.[a-z][A-Za-z]+(?![\\w])`, 'g');

/** Integer ranges "a–b" that can be scale points (not part of a decimal, a date or a year). */
const RANGE = /(?<![\d.,:/–−+-])(\d{1,2})[–-](\d{1,2})(?![\d.,:/–]|-?(?:vuot|år|year))/g;

/** The ranges a page of this study may show: the scale, its top box and, with NPS, the NPS classes. */
function allowedRanges(shape: Shape): Set<string> {
  const { min, max, topBox } = shape.scale;
  // A top box of one point is that point ("Positive (5)"), not a range.
  const allowed = new Set([`${min}–${max}`, ...(topBox > 1 ? [`${max - topBox + 1}–${max}`] : [])]);
  if (shape.nps) for (const r of ['0–10', '0–6', '7–8', '9–10']) allowed.add(r);
  return allowed;
}

/** The top box as written in labels: "8–10", or "5" for a single point. */
const topRange = (shape: Shape) => (shape.scale.topBox > 1 ? `${shape.scale.max - shape.scale.topBox + 1}–${shape.scale.max}` : String(shape.scale.max));

/** Text of a page in its own language (what is marked with another `lang` is left out). */
const own = (page: BuiltPage) => page.textByLang.get(page.lang) ?? '';

/** Pages below /<lang>/<year>/<section>/ (any language, any year). */
const sectionPages = (pages: BuiltPage[], section: string) => pages.filter((p) => new RegExp(`^/[a-z]{2}/\\d{4}/${section}/`).test(p.path));
const linksTo = (pages: BuiltPage[], section: string) => findings(pages, (p) => p.hrefs.filter((h) => new RegExp(`(^|/)${section}/?(#|$)`).test(h) || new RegExp(`/\\d{4}/${section}/`).test(h)));
const headingsEqual = (pages: BuiltPage[], texts: string[], tags = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'caption']) =>
  findings(pages, (p) => p.headings.filter((h) => tags.includes(h.tag) && texts.some((x) => h.text.toLowerCase() === x.toLowerCase())).map((h) => `<${h.tag}>${h.text}`));
const anyPhrase = (pages: BuiltPage[], phrases: string[]) => findings(pages, (p) => phrases.flatMap((x) => phraseHits(p.text, x)));

for (const shape of SHAPES) {
  describe(`${shape.name} (${shape.about})`, () => {
    let siteDir: string;
    let pages: BuiltPage[];
    const langs = shape.languages;
    const latest = Math.max(...shape.editions);

    beforeAll(async () => {
      siteDir = await buildShape(shape);
      pages = readSite(siteDir);
    }, 300_000);

    it('builds a page of every kind in every language', () => {
      const paths = new Set(pages.map((p) => p.path));
      const expected = langs.flatMap((l) => [`/${l}/${latest}/`, `/${l}/${latest}/areas/service/`, `/${l}/${latest}/method/`, `/${l}/${latest}/tables/`]);
      expect(expected.filter((p) => !paths.has(p))).toEqual([]);
    });

    it(`shows only the scale ${shape.scale.min}–${shape.scale.max} and its top box (${topRange(shape)}) as answer ranges`, () => {
      const allowed = allowedRanges(shape);
      const found = findings(pages, (p) =>
        [...p.text.matchAll(RANGE)]
          .filter((m) => Number(m[2]) <= Math.max(10, shape.scale.max) && !allowed.has(`${m[1]}–${m[2]}`))
          .map((m) => `"${m[0]}" in …${p.text.slice(Math.max(0, m.index - 50), m.index + m[0].length + 30)}…`),
      );
      expect(found).toEqual([]);
    });

    it('labels the positive share with the top box, in every text that names it', () => {
      const range = topRange(shape);
      const keys = ['ui.topBox', 'chart.positiveOne', 'chart.positiveRange'] as const;
      const found = findings(pages, (p) => {
        if (!langs.includes(p.lang as Lang)) return [];
        const lang = p.lang as Lang;
        return keys.flatMap((key) => {
          const pattern = textPattern(lang, key, { range: '([^)]*?)' });
          return regexHits(own(p), new RegExp(pattern.source, 'giu')).filter((hit) => !hit.includes(`(${range})`));
        });
      });
      expect(found).toEqual([]);
      // And the label is there at all (the tables show it).
      expect(pages.some((p) => p.text.includes(t(p.lang as Lang, 'ui.topBox', { range })))).toBe(true);
    });

    if (!shape.weights) {
      it('says nothing of weighting (unweighted study)', () => {
        const words = [/(?<!\p{L})weight(?:s|ed|ing)?(?!\p{L})/iu, /(?<!\p{L})paino(?!piste)\p{L}*/iu, /(?<!\p{L})vikt(?:ning|ningen|ad|ade|at|er|s)?(?!\p{L})/iu];
        const found = findings(pages, (p) => words.flatMap((w) => regexHits(p.text, w)));
        expect(found).toEqual([]);
      });
    } else {
      it('explains the weighting on the method page (weighted study)', () => {
        const method = sectionPages(pages, 'method');
        expect(method.filter((p) => !p.text.includes(t(p.lang as Lang, 'method.headingSampleWeighted'))).map((p) => p.path)).toEqual([]);
      });
    }

    if (!shape.nps) {
      it('has no NPS text or section (no NPS in the study)', () => {
        const found = [
          ...anyPhrase(pages, [...textsOf('ui.nps'), ...textsOf('ui.promoters'), ...textsOf('ui.passives'), ...textsOf('ui.detractors')]),
          ...findings(pages, (p) => wordHits(p.text, 'NPS')),
        ];
        expect([...new Set(found)]).toEqual([]);
      });
    } else {
      it('shows the NPS on every summary (NPS in the study)', () => {
        const summaries = pages.filter((p) => /^\/[a-z]{2}\/\d{4}\/$/.test(p.path));
        expect(summaries.filter((p) => wordHits(p.text, 'NPS').length === 0).map((p) => p.path)).toEqual([]);
      });
    }

    if (!shape.groups) {
      it('has no group pages, group headings or group wording (one sample)', () => {
        const found = [
          ...sectionPages(pages, 'groups').map((p) => `${p.path}: a group page`),
          ...linksTo(pages, 'groups'),
          ...headingsEqual(pages, [...textsOf('ui.groups'), ...textsOf('ui.byGroup'), ...textsOf('ui.total')], ['h1', 'h2', 'h3', 'h4', 'h5', 'h6']),
          ...findings(pages, (p) => [/stakeholder groups?/iu, /sidosryhm\p{L}*/iu, /intressentgrupp\p{L}*/iu].flatMap((re) => regexHits(p.text, re))),
        ];
        expect([...new Set(found)]).toEqual([]);
      });
    } else {
      it('has a page for every group in every language and edition', () => {
        const paths = new Set(pages.map((p) => p.path));
        const expected = langs.flatMap((l) => shape.editions.flatMap((y) => ['households', 'companies', 'partners'].map((g) => `/${l}/${y}/groups/${g}/`)));
        expect(expected.filter((p) => !paths.has(p))).toEqual([]);
      });
    }

    if (shape.editions.length === 1) {
      it('has no trends page, link or chart (one edition)', () => {
        const trendCharts = langs.flatMap((l) => [textPattern(l, 'chart.trendOne'), textPattern(l, 'chart.trendRange')]);
        const found = [
          ...sectionPages(pages, 'trends').map((p) => `${p.path}: a trends page`),
          ...linksTo(pages, 'trends'),
          ...headingsEqual(pages, textsOf('ui.trends', langs)),
          ...findings(pages, (p) => regexHits(p.text, /(?<!\d)(\d{4})–\1(?!\d)/)),
          ...findings(pages, (p) => trendCharts.flatMap((re) => regexHits(p.text, re))),
          ...anyPhrase(pages, textsOf('ui.trendsNote', langs)),
        ];
        expect(found).toEqual([]);
      });
    } else {
      it('has a trends page in every language', () => {
        const paths = new Set(pages.map((p) => p.path));
        expect(langs.map((l) => `/${l}/${latest}/trends/`).filter((p) => !paths.has(p))).toEqual([]);
      });
    }

    if (shape.scale.cantSay.length === 0) {
      it("has no can't-say column or text (no can't-say code)", () => {
        const found = [
          ...anyPhrase(pages, [...textsOf('ui.cantSay'), 'en osaa sanoa', 'kan inte säga']),
          ...findings(pages, (p) => regexHits(p.text, /can\s*['’]\s*t[\s-]*say/iu)),
          ...findings(pages, (p) => regexHits(p.text, /\((?:code|koodi|koodit|kod|koder)\s*\)/iu)),
        ];
        expect([...new Set(found)]).toEqual([]);
      });
    } else {
      it(`names the can't-say code ${shape.scale.cantSay.join(', ')} on the method page`, () => {
        const method = sectionPages(pages, 'method').filter((p) => p.path.includes(`/${latest}/`));
        expect(method.filter((p) => wordHits(p.text, String(shape.scale.cantSay[0])).length === 0 || phraseHits(p.text, t(p.lang as Lang, 'ui.cantSay')).length === 0).map((p) => p.path)).toEqual([]);
      });
    }

    if (!shape.benchmarks) {
      it('has no benchmark section or text (no benchmarks)', () => {
        const found = [
          ...sectionPages(pages, 'benchmark').map((p) => `${p.path}: a benchmark page`),
          ...linksTo(pages, 'benchmark'),
          ...anyPhrase(pages, [
            ...textsOf('ui.benchmark'),
            ...textsOf('ui.benchmarkValue'),
            ...textsOf('ui.benchmarkSource'),
            ...textsOf('chart.markerBenchmark'),
            'benchmark',
            'tutkimuspankki',
            'vertailuarvo',
            'forskningsbank',
            'jämförelsevärde',
          ]),
        ];
        expect([...new Set(found)]).toEqual([]);
      });
    } else {
      it('has a benchmark page in every language', () => {
        const paths = new Set(pages.map((p) => p.path));
        expect(langs.map((l) => `/${l}/${latest}/benchmark/`).filter((p) => !paths.has(p))).toEqual([]);
      });
    }

    if (!shape.drivers) {
      it('has no key-driver section (no drivers)', () => {
        const found = [
          ...sectionPages(pages, 'drivers').map((p) => `${p.path}: a drivers page`),
          ...linksTo(pages, 'drivers'),
          ...anyPhrase(pages, textsOf('ui.drivers')),
          ...findings(pages, (p) => wordHits(p.text, 'LMG')),
        ];
        expect(found).toEqual([]);
      });
    }

    if (!shape.background) {
      it('has no background breakdown (no background variables)', () => {
        expect(anyPhrase(pages, textsOf('ui.byBackground'))).toEqual([]);
      });
    }

    it('marks every page with the language of its path', () => {
      const found = pages.filter((p) => (p.urlLang && /^[a-z]{2}$/.test(p.urlLang) ? p.lang !== p.urlLang : p.lang !== langs[0])).map((p) => `${p.path}: lang="${p.lang}"`);
      expect(found).toEqual([]);
      // Only the study's languages have pages.
      expect([...new Set(pages.map((p) => p.urlLang).filter((l) => /^[a-z]{2}$/.test(l)))].sort()).toEqual([...langs].sort());
    });

    it("has no other language's dictionary phrases in a page's text", () => {
      const found = findings(pages, (p) => {
        const text = own(p);
        return LANGUAGES.filter((l) => l !== p.lang).flatMap((other) => PHRASES[other].flatMap((phrase) => phraseHits(text, phrase).map((h) => `(${other}) ${h}`)));
      });
      expect(found).toEqual([]);
    });

    it("has no other language's common words in a page's text (text written outside the dictionaries)", () => {
      const found = findings(pages, (p) => {
        const text = own(p);
        const mine = new Set(FUNCTION_WORDS[p.lang as Lang] ?? []);
        return LANGUAGES.filter((l) => l !== p.lang).flatMap((other) => FUNCTION_WORDS[other].filter((w) => !mine.has(w)).flatMap((w) => wordHits(text, w).map((h) => `(${other} "${w}") ${h}`)));
      });
      expect(found).toEqual([]);
    });

    it('leaks no dictionary key, placeholder or undefined value', () => {
      const found = findings(pages, (p) => [...regexHits(p.text, KEY_PATTERN), ...regexHits(p.text, /\{\w+\}/), ...regexHits(p.text, /\b(?:undefined|NaN)\b|\[object Object\]/)]);
      expect(found).toEqual([]);
    });

    describe('in Chromium', () => {
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

      it('resolves every internal link, and every built page is reached', async () => {
        const result = await crawl(context, site.origin, ['/', ...langs.map((l) => `/${l}/${latest}/`)], { concurrency: 2 });
        const broken = [
          ...[...result.pages.values()].filter((p) => p.status !== 200).map((p) => `${p.path}: ${p.status}`),
          ...[...result.files].filter(([, f]) => f.status !== 200).map(([path, f]) => `${path}: ${f.status}`),
          ...result.failedResources,
        ];
        // Which page links to each broken target.
        const sources = (target: string) => [...result.linksFrom].filter(([, to]) => [...to].some((x) => x.split('#')[0] === target)).map(([from]) => from);
        expect(broken.map((b) => `${b} (linked from ${sources(b.split(':')[0]!).slice(0, 3).join(', ')})`)).toEqual([]);
        const unreached = pages.map((p) => p.path).filter((p) => !result.pages.has(p));
        expect(unreached).toEqual([]);
        // Every fragment link points at an id of its page.
        const dangling: string[] = [];
        for (const [from, targets] of result.linksFrom) {
          for (const target of targets) {
            const [path, hash] = target.split('#');
            if (!hash) continue;
            const facts = result.pages.get(path!)?.facts;
            if (facts && !facts.ids.includes(decodeURIComponent(hash))) dangling.push(`${from} → ${target}`);
          }
        }
        expect(dangling).toEqual([]);
      }, 180_000);

      it('axe finds nothing on the summary, an area and the method page in every language', async () => {
        const found: string[] = [];
        for (const lang of langs) {
          for (const path of [`/${lang}/${latest}/`, `/${lang}/${latest}/areas/service/`, `/${lang}/${latest}/method/`]) {
            for (const finding of await axeFindings(page, site.origin, path)) found.push(`${path}: ${finding}`);
          }
        }
        expect(found).toEqual([]);
      }, 180_000);
    });
  });
}
