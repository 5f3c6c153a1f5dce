import { describe, expect, it } from 'vitest';
import { Resvg } from '@resvg/resvg-js';
import { chartSize, escapeXml, PADDING, standaloneSvg, xmlAttributeValues } from '../../src/figures/standalone-svg.ts';
import { shareImageSvg, SHARE_HEIGHT, SHARE_WIDTH } from '../../src/figures/share-image.ts';

const chart = '<svg class="luotain-chart" width="600" height="200" viewBox="0 0 600 200" role="img" aria-label="Highest &quot;A&quot; (4.10)."><rect width="10" height="10"/></svg>';
const css = '/* comment */ .luotain-chart text { font-family: Inter, sans-serif; }';

describe('standaloneSvg', () => {
  const svg = standaloneSvg({ chartSvg: chart, caption: 'Reputation & trust: items', notes: ['A break in 2024.'], source: 'Source: Org, Study 2025', lang: 'en', css });

  it('puts the caption, the notes and the source line around the chart, with title and description', () => {
    expect(svg).toContain('<title>Reputation &amp; trust: items</title>');
    expect(svg).toContain('<desc>Highest &quot;A&quot; (4.10). Source: Org, Study 2025</desc>');
    expect(svg).toMatch(/<text [^>]*font-weight="700"[^>]*>Reputation &amp; trust: items<\/text>/);
    expect(svg).toMatch(/<text [^>]*>A break in 2024\.<\/text>/);
    expect(svg).toMatch(/<text [^>]*>Source: Org, Study 2025<\/text>/);
    expect(svg).toContain(`<svg x="${PADDING}" y="`);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" width="648" ')).toBe(true);
    expect(svg).toContain('xml:lang="en"');
  });

  it("carries the chart's style sheet (without its comments) and a white ground, and refers to nothing outside", () => {
    expect(svg).toContain('<style>.luotain-chart text { font-family: Inter, sans-serif; }</style>');
    expect(svg).toMatch(/<rect width="648" height="\d+" fill="#ffffff"\/>/);
    expect(svg).not.toMatch(/href=|url\((?!#)|@import/);
  });

  it('is as wide as the chart and its margins, and reads the size from the viewBox', () => {
    expect(chartSize(chart)).toEqual({ width: 600, height: 200 });
    expect(() => chartSize('<svg width="1"></svg>')).toThrow('viewBox');
    const height = Number(/height="(\d+)"/.exec(svg)![1]);
    // Caption (one line), the chart, a note and the source line.
    expect(height).toBeGreaterThan(200 + 2 * PADDING + 21);
  });

  it('escapes text for XML', () => {
    expect(escapeXml('a < b & "c" > d')).toBe('a &lt; b &amp; &quot;c&quot; &gt; d');
  });
});

describe('shareImageSvg', () => {
  const svg = shareImageSvg({
    organisation: 'Org',
    title: 'Study 2025',
    heading: 'Headline figures',
    accent: '#1d4e89',
    headlines: [
      { label: 'Reputation', value: '3.51', band: { label: 'Good', colour: '#8cbfe6', textColour: '#000000' } },
      { label: 'NPS', value: '13' },
    ],
    lang: 'en',
  });

  it('is 1200 × 630 with the study, the year and each headline figure with its band in its colour', () => {
    expect(svg).toContain(`width="${SHARE_WIDTH}" height="${SHARE_HEIGHT}"`);
    for (const text of ['Org', 'Study 2025', 'Headline figures', 'Reputation', '3.51', 'Good', 'NPS', '13']) expect(svg).toContain(`>${text}</text>`);
    expect(svg).toContain('fill="#8cbfe6"');
    expect(svg).not.toContain('DRAFT');
  });
});

describe('chartSize', () => {
  it('reads the viewBox past attribute values holding ">" (a hostile label in the text alternative)', () => {
    expect(chartSize('<svg aria-label="a <b>bold</b> label -> x" viewBox="0 0 640 400" width="640"><g/></svg>')).toEqual({ width: 640, height: 400 });
  });

  it('refuses a chart without a viewBox, and ignores a viewBox inside an attribute value', () => {
    expect(() => chartSize('<svg aria-label=" viewBox=&quot;0 0 1 1&quot; x>"><g/></svg>')).toThrow('without a viewBox');
  });
});

describe('a hostile label in the chart', () => {
  // As the site's charts are serialised (HTML rules): quotes escaped in attribute values, `<` and `>` not.
  const hostile = '<svg viewBox="0 0 100 50" aria-label="&quot;><img src=x onerror=alert(1)> <script>" class="luotain-chart"><text x="1" y="20">&lt;b&gt; "a="b</text></svg>';
  const svg = standaloneSvg({ chartSvg: hostile, caption: '"><img src=x>', notes: [], source: 'Source: Org', lang: 'en', css: '' });

  it('comes out as well-formed XML that resvg parses, the label as text', () => {
    expect(() => new Resvg(svg, { font: { loadSystemFonts: false } })).not.toThrow();
    expect(svg).toContain('<desc>&quot;&gt;&lt;img src=x onerror=alert(1)&gt; &lt;script&gt; Source: Org</desc>');
    expect(svg).not.toMatch(/<img|<script/);
  });

  it('escapes only inside attribute values; text and tags stay as they were', () => {
    expect(xmlAttributeValues('<g a="1<2>0"><text>x="y</text><b c="d"/></g>')).toBe('<g a="1&lt;2&gt;0"><text>x="y</text><b c="d"/></g>');
  });
});
