import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import * as Plot from '@observablehq/plot';
import {
  type ChartOptions,
  type TrendLinesInput,
  type DistributionBarsInput,
  distributionBars,
  divergingSegments,
  GROUP_COLOURS,
  groupColour,
  groupProfile,
  importancePerformance,
  importancePerformanceSummary,
  npsBar,
  renderChart,
  scoreBars,
  textWidth,
  trendLines,
  wrapText,
} from '../../src/charts/index.ts';
import { LANGUAGES, type Lang } from '../../src/i18n/index.ts';
import { LONG_LABEL, cell, distributionBarsInput, groupProfileInput, importancePerformanceInput, npsBarInput, npsTrendInput, scoreBarsInput, trendLinesInput } from './fixtures.ts';

type Render = (lang: Lang, options?: Partial<ChartOptions>) => string;

const charts: Record<string, Render> = {
  'score-bars': (lang, o) => scoreBars(scoreBarsInput(), { lang, idPrefix: 'score', ...o }),
  'distribution-bars': (lang, o) => distributionBars(distributionBarsInput(lang), { lang, idPrefix: 'dist', ...o }),
  'importance-performance': (lang, o) => importancePerformance(importancePerformanceInput(lang), { lang, idPrefix: 'ip', ...o }),
  'trend-lines': (lang, o) => trendLines(trendLinesInput(), { lang, idPrefix: 'trend', ...o }),
  'trend-lines-nps': (lang, o) => trendLines(npsTrendInput(), { lang, idPrefix: 'npstrend', ...o }),
  'group-profile': (lang, o) => groupProfile(groupProfileInput(), { lang, idPrefix: 'profile', ...o }),
  'nps-bar': (lang, o) => npsBar(npsBarInput(lang), { lang, idPrefix: 'nps', ...o }),
};

/** Charts whose fixtures carry a suppressed cell shown as a row. */
const withSuppressedRow = ['score-bars', 'distribution-bars', 'group-profile', 'nps-bar'];

/** Rounds floats to two decimals and puts one element per line (stable, readable snapshots). */
function normalise(svg: string): string {
  return svg.replace(/-?\d+\.\d{3,}/g, (m) => String(Number(Number(m).toFixed(2)))).replace(/></g, '>\n<') + '\n';
}

function parse(svg: string): Element {
  const { document } = parseHTML(`<!doctype html><html><body>${svg}</body></html>`);
  return document.querySelector('svg') as unknown as Element;
}

function ids(svg: string): string[] {
  return [...svg.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
}

describe('chart snapshots', () => {
  for (const [name, render] of Object.entries(charts)) {
    for (const lang of LANGUAGES) {
      it(`${name} (${lang})`, async () => {
        await expect(normalise(render(lang))).toMatchFileSnapshot(`./__snapshots__/${name}.${lang}.svg`);
      });
    }
  }
});

describe.each(Object.entries(charts))('%s', (name, render) => {
  for (const lang of LANGUAGES) {
    it(`is a bare accessible svg (${lang})`, () => {
      const svg = render(lang);
      expect(svg.startsWith('<svg')).toBe(true);
      const root = parse(svg);
      expect(root.getAttribute('role')).toBe('img');
      expect(root.getAttribute('aria-label')?.length).toBeGreaterThan(10);
      expect(root.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
      expect(root.getAttribute('class')).toBe('luotain-chart');
      expect(svg).not.toMatch(/<figure|<h2|<h3|<style|plot-[0-9a-f]{6}|system-ui/);
      expect(svg).not.toMatch(/filter=|<filter|Gradient|drop-shadow/);
      expect(root.getAttribute('font-family')).toContain('Inter');
      // Only the root carries an aria label.
      expect(root.querySelectorAll('[aria-label]').length).toBe(0);
    });

    it(`never shows the suppressed estimate (${lang})`, () => {
      const svg = render(lang);
      const label = parse(svg).getAttribute('aria-label')!;
      for (const text of [svg, label]) {
        expect(text).not.toContain('3,78');
        expect(text).not.toContain('3.78');
        expect(text).not.toContain('3,777');
        expect(text).not.toContain('3.777');
      }
      if (withSuppressedRow.includes(name)) {
        expect(parse(svg).textContent).toContain('n < 30');
      }
    });
  }

  it('is deterministic', () => {
    expect(render('fi')).toBe(render('fi'));
    expect(render('en', { idPrefix: 'x' })).toBe(render('en', { idPrefix: 'x' }));
  });

  it('prefixes every id with idPrefix, so two charts on a page share none', () => {
    const a = render('fi', { idPrefix: 'page-a' });
    const b = render('fi', { idPrefix: 'page-b' });
    for (const id of ids(a)) expect(id.startsWith('page-a-')).toBe(true);
    for (const id of ids(b)) expect(id.startsWith('page-b-')).toBe(true);
    const shared = ids(a).filter((id) => ids(b).includes(id));
    expect(shared).toEqual([]);
    // References point at ids of the same chart.
    for (const ref of a.matchAll(/url\(#([^)]+)\)|href="#([^"]+)"/g)) expect(ids(a)).toContain(ref[1] ?? ref[2]);
  });

  it('keeps text inside the drawing', () => {
    const svg = render('fi');
    const root = parse(svg);
    const width = Number(root.getAttribute('width'));
    for (const el of [...root.querySelectorAll('text, tspan')]) {
      const x = el.getAttribute('x') ?? /translate\(([-\d.]+)/.exec(el.getAttribute('transform') ?? '')?.[1];
      if (x != null) {
        expect(Number(x)).toBeGreaterThanOrEqual(0);
        expect(Number(x)).toBeLessThanOrEqual(width);
      }
    }
  });
});

describe('long Finnish labels', () => {
  it('wrap onto two lines and fit to the left of the plot', () => {
    expect(LONG_LABEL).toHaveLength(70);
    for (const width of [720, 480]) {
      const root = parse(scoreBars(scoreBarsInput(), { lang: 'fi', idPrefix: 'long', width }));
      const labels = root.querySelector('.luotain-row-labels')!;
      const long = [...labels.querySelectorAll('text')].find((t) => t.textContent!.startsWith('Yhteiskunta'))!;
      const lines = [...long.querySelectorAll('tspan')];
      expect(lines.length).toBe(width === 720 ? 2 : 3);
      expect(lines.map((l) => l.textContent).join(' ')).toBe(LONG_LABEL);
      for (const line of lines) {
        // Right-aligned at x: the estimated left edge stays inside the svg.
        expect(Number(line.getAttribute('x')) - textWidth(line.textContent!)).toBeGreaterThanOrEqual(0);
      }
      // The bars start to the right of the labels.
      const bars = [...root.querySelectorAll('rect')].filter((r) => r.parentElement?.getAttribute('class') !== 'luotain-legend');
      const barX = Math.min(...bars.map((r) => Number(r.getAttribute('x'))));
      expect(barX).toBeGreaterThan(Number(lines[0].getAttribute('x')));
    }
  });

  it('wrapText breaks at spaces, hyphenates a too long word and caps the lines', () => {
    expect(wrapText('Lyhyt')).toEqual(['Lyhyt']);
    expect(wrapText(LONG_LABEL)).toEqual(['Yhteiskuntavastuullisuus ja', 'ympäristövaikutusten huomioiminen kaikessa']);
    for (const label of ['Asiakaspalvelun ja myynnin henkilöstö', 'Kunta-alan työnantajat ja palveluntuottajat', LONG_LABEL]) {
      const lines = wrapText(label, 120);
      expect(lines.join(' ').replace(/- /g, '-')).toBe(label);
      for (const line of lines) expect(textWidth(line)).toBeLessThanOrEqual(120 * 1.2);
    }
    const word = 'a'.repeat(80);
    for (const line of wrapText(word, 100)) expect(textWidth(line)).toBeLessThanOrEqual(120);
    const capped = wrapText('sana '.repeat(100), 100, 12, 2);
    expect(capped).toHaveLength(2);
    expect(capped[1].endsWith('…')).toBe(true);
  });
});

describe('numbers and language', () => {
  it('formats values per language', () => {
    const fi = scoreBars(scoreBarsInput(), { lang: 'fi', idPrefix: 'a' });
    const en = scoreBars(scoreBarsInput(), { lang: 'en', idPrefix: 'a' });
    expect(fi).toContain('>4,05<');
    expect(en).toContain('>4.05<');
    expect(parse(fi).getAttribute('aria-label')).toBe('Parhaan arvion sai Innovatiivisuus (4,43), heikoimman Talous (3,12). Yhtä lukua ei näytetä, koska vastaajia on alle 30.');
    expect(parse(en).getAttribute('aria-label')).toBe(
      'The highest score was for Innovatiivisuus (4.43), the lowest for Talous (3.12). One figure is not shown because there are fewer than 30 respondents.',
    );
    expect(parse(distributionBars(distributionBarsInput('fi'), { lang: 'fi', idPrefix: 'd' })).textContent).toContain('40\u00a0%');
    expect(parse(distributionBars(distributionBarsInput('en'), { lang: 'en', idPrefix: 'd' })).textContent).toContain('40%');
  });

  it("counts the study's top box as positive, and says which answers those are", () => {
    // A 1–10 scale with the top three points positive: 8–10, not "above the midpoint" (6–10).
    const shares = [0.02, 0.03, 0.05, 0.05, 0.1, 0.1, 0.14, 0.21, 0.2, 0.1].map((p) => cell(p));
    const input: DistributionBarsInput = {
      rows: [{ id: 'q1', label: 'Palvelu', shares }],
      scale: { min: 1, max: 10, topBox: 3 },
      pointLabels: Array.from({ length: 10 }, (_, i) => String(i + 1)),
      minBase: 30,
    };
    expect(parse(distributionBars(input, { lang: 'en', idPrefix: 'd' })).getAttribute('aria-label')).toBe('Palvelu: 51% positive answers (8–10).');
    expect(parse(distributionBars(input, { lang: 'sv', idPrefix: 'd' })).getAttribute('aria-label')).toBe('Palvelu: positiva svar (8–10) 51\u00a0%.');
  });

  it('writes Swedish numbers as in Finland: a decimal comma and a space before the percent sign', () => {
    const sv = scoreBars(scoreBarsInput(), { lang: 'sv', idPrefix: 'a' });
    expect(sv).toContain('>4,05<');
    expect(parse(sv).getAttribute('aria-label')).toBe('Bästa bedömningen fick Innovatiivisuus (4,43), den svagaste Talous (3,12). En siffra visas inte, eftersom det finns färre än 30 svarande.');
    expect(parse(distributionBars(distributionBarsInput('sv'), { lang: 'sv', idPrefix: 'd' })).textContent).toContain('40\u00a0%');
  });

  it('writes years without separators, and an NPS as the tables do: no plus sign, a true minus', () => {
    const trend = trendLines(trendLinesInput(), { lang: 'fi', idPrefix: 't' });
    expect(trend).toContain('>2024<');
    expect(trend).not.toMatch(/2\s024|2,024/);
    const nps = npsBar(npsBarInput('fi'), { lang: 'fi', idPrefix: 'n' });
    expect(nps).toContain('>23<');
    expect(nps).not.toContain('+23');
    expect(nps).toContain('>\u22125<');
  });

  it('accepts an explicit text alternative', () => {
    const svg = scoreBars(scoreBarsInput(), { lang: 'fi', idPrefix: 'a', ariaLabel: 'Oma kuvaus.' });
    expect(parse(svg).getAttribute('aria-label')).toBe('Oma kuvaus.');
  });
});

describe('importance intervals and uncertain quadrants', () => {
  it('draws each importance interval as a line through its point, and an uncertain point hollow', () => {
    const input = importancePerformanceInput('en');
    const svg = parse(importancePerformance(input, { lang: 'en', idPrefix: 'ip' }));
    const lines = [...svg.querySelectorAll('line')].filter(
      (l) => l.getAttribute('y1') === l.getAttribute('y2') && Number(l.getAttribute('x2')) > Number(l.getAttribute('x1')) && l.getAttribute('stroke') === '#0072B2',
    );
    expect(lines).toHaveLength(input.points.length);
    // The widest interval in shares is also the widest line.
    const widths = lines.map((l) => Number(l.getAttribute('x2')) - Number(l.getAttribute('x1')));
    const shareWidths = input.points.map((p) => p.interval![1] - p.interval![0]);
    expect(widths.indexOf(Math.max(...widths))).toBe(shareWidths.indexOf(Math.max(...shareWidths)));
    const hollow = [...svg.querySelectorAll('circle')].filter((c) => (c.getAttribute('fill') ?? c.parentElement?.getAttribute('fill')) === '#ffffff');
    expect(hollow).toHaveLength(1);
  });

  it('names an uncertain point in no quadrant of the text alternative, only as uncertain', () => {
    const summary = importancePerformanceSummary(importancePerformanceInput('en'), 'en');
    expect(summary).toContain('Uncertain: Työpaikka.');
    expect(summary).toMatch(/Strengths: Tuotteet ja palvelut\./);
    expect(summary.match(/Työpaikka/g)).toHaveLength(1);
  });
});

describe('trend gaps', () => {
  it('omits suppressed and missing years from lines and points', () => {
    const root = parse(trendLines(trendLinesInput(), { lang: 'fi', idPrefix: 't' }));
    // Customers' 2022 is suppressed: its line breaks into two pieces (two "M" moves).
    const paths = [...root.querySelectorAll(`path[stroke="${GROUP_COLOURS[1]}"]`)].map((p) => p.getAttribute('d')!);
    expect(paths.some((d) => (d.match(/M/g) ?? []).length === 2)).toBe(true);
    // 5 + 4 + 3 shown points.
    expect(root.querySelectorAll('circle').length).toBe(12);
  });

  // One series, asked 2020–2023 and not in 2024 (the item was dropped).
  const dropped = (): TrendLinesInput => ({
    series: [{ key: 'total', label: 'Kaikki', colourIndex: 0, points: [2020, 2021, 2022, 2023].map((year, i) => ({ year, cell: cell(3.5 + i * 0.1, 'fair', 0.1) })) }],
    notAsked: [2024],
    scale: { min: 1, max: 5 },
    years: [2020, 2021, 2022, 2023, 2024],
  });

  it('a year not asked: the line ends at the last year asked, with no leader into the gap, the value labelled with its year, and "not asked" where the point would be', () => {
    const svg = trendLines(dropped(), { lang: 'en', idPrefix: 't' });
    const root = parse(svg);
    // No dotted leader from 2023's point to a label at 2024.
    expect(root.querySelectorAll('.luotain-end-labels line').length).toBe(0);
    expect(root.querySelector('.luotain-end-labels')!.textContent).toContain('3.80 (2023)');
    expect(root.textContent).toContain('not asked');
    expect(root.getAttribute('aria-label')).toBe('Kaikki: 3.50 in 2020, 3.80 in 2023. Not asked in 2024.');
    // The same series ending in 2023 for lack of answers (suppressed, not "not asked") keeps its leader.
    const suppressed = trendLines({ ...dropped(), notAsked: [] }, { lang: 'en', idPrefix: 't' });
    expect(parse(suppressed).querySelectorAll('.luotain-end-labels line').length).toBe(1);
    expect(parse(trendLines(dropped(), { lang: 'fi', idPrefix: 't' })).textContent).toContain('ei kysytty');
    expect(parse(trendLines(dropped(), { lang: 'sv', idPrefix: 't' })).textContent).toContain('inte frågat');
  });

  it('a break: the line is not joined across it, a dashed rule marks it, and the text alternative says so', () => {
    const input: TrendLinesInput = { ...dropped(), notAsked: [], breaks: [2022] };
    const root = parse(trendLines(input, { lang: 'en', idPrefix: 't' }));
    const lines = [...root.querySelectorAll(`path[stroke="${GROUP_COLOURS[0]}"]`)].map((p) => p.getAttribute('d')!);
    // Two pieces, 2020–2021 and 2022–2023: each its own path of one move and one segment.
    expect(lines.filter((d) => (d.match(/L/g) ?? []).length === 1)).toHaveLength(2);
    expect(lines.some((d) => (d.match(/L/g) ?? []).length > 1)).toBe(false);
    expect(root.querySelectorAll('line[stroke-dasharray="4,3"], g[stroke-dasharray="4,3"] line').length).toBe(1);
    expect(root.textContent).toContain('break');
    expect(root.getAttribute('aria-label')).toBe('Kaikki: 3.50 in 2020, 3.80 in 2023. The series breaks in 2022; earlier figures are not comparable.');
  });
});

describe('shared machinery', () => {
  it('renumbers Plot ids under the prefix and rewrites references', () => {
    const spec: Plot.PlotOptions = {
      width: 200,
      height: 100,
      marks: [Plot.dot([1, 2, 3], { x: (d: number) => d, clip: true }), Plot.line([1, 2, 3], { x: (d: number) => d, y: (d: number) => d, clip: true, marker: 'circle' })],
    };
    const a = renderChart(spec, { idPrefix: 'one', ariaLabel: 'A' });
    const b = renderChart(spec, { idPrefix: 'one', ariaLabel: 'A' });
    expect(a).toBe(b);
    expect(ids(a).length).toBeGreaterThan(1);
    expect(a).not.toContain('plot-clip');
    expect(a).not.toContain('plot-marker');
    for (const ref of a.matchAll(/url\(#([^)]+)\)/g)) expect(ids(a)).toContain(ref[1]);
  });

  it('refuses figures (titles and legends belong to the page)', () => {
    expect(() => renderChart({ title: 'Otsikko', marks: [Plot.dot([1], { x: (d: number) => d })] }, { idPrefix: 'f', ariaLabel: 'A' })).toThrow();
  });

  it('stacks diverging segments outward from zero with the neutral split', () => {
    const segs = divergingSegments([0.1, 0.2, 0.4, 0.2, 0.1], ['a', 'b', 'c', 'd', 'e']);
    expect(segs.map((s) => [s.x1, s.x2].map((v) => Math.round(v)))).toEqual([
      [-50, -40],
      [-40, -20],
      [-20, 20],
      [20, 40],
      [40, 50],
    ]);
    expect(divergingSegments([0.25, 0.25, 0.25, 0.25], ['a', 'b', 'c', 'd']).map((s) => Math.round(s.x1))).toEqual([-50, -25, 0, 25]);
  });

  it('uses the Okabe–Ito hues, each dark enough for text on white (WCAG 4.5:1)', () => {
    expect(groupColour(0)).toBe('#0072B2');
    expect(groupColour(7)).toBe('#0072B2');
    const luminance = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    for (const colour of GROUP_COLOURS) expect(1.05 / (luminance(colour) + 0.05)).toBeGreaterThanOrEqual(4.5);
  });

  it('styles chart text without setting its fill (that would override the SVG fill attributes)', () => {
    expect(readFileSync(new URL('../../src/charts/charts.css', import.meta.url), 'utf8')).not.toMatch(/fill\s*:/);
  });
});
