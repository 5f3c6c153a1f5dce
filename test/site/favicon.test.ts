import { describe, expect, it } from 'vitest';
import { faviconSvg } from '../../src/site/favicon.ts';

const band = (colour: string) => ({ id: colour, label: { fi: colour, sv: colour, en: colour }, colour, textColour: '#000000' });

describe('faviconSvg', () => {
  it('draws three rising bars in the colours of the best bands, the best the tallest', () => {
    const svg = faviconSvg([band('#111111'), band('#222222'), band('#333333'), band('#444444')]);
    const bars = [...svg.matchAll(/<rect x="(\d+)" y="(\d+)" width="7" height="(\d+)" rx="1" fill="(#\w+)"\/>/g)].map((m) => ({ height: Number(m[3]), fill: m[4] }));
    expect(bars).toEqual([
      { height: 8, fill: '#333333' },
      { height: 15, fill: '#222222' },
      { height: 22, fill: '#111111' },
    ]);
    expect(svg).not.toMatch(/<text/);
  });

  it('works with a single band', () => {
    expect([...faviconSvg([band('#123456')]).matchAll(/fill="#123456"/g)]).toHaveLength(3);
  });
});
