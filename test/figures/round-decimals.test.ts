// The outlined SVG's numbers: rounded on their printed digits, half away from zero,
// against the same rounding written with the rule's own arithmetic (exact decimals
// via BigInt on the digit strings) over random path data.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compactNumbers, roundDecimals } from '../../src/pipeline/figure-files.ts';

/** The rule on one number's text, in exact decimal arithmetic. */
function reference(text: string, places: number): string {
  const negative = text.startsWith('-');
  const [int = '', frac = ''] = text.replace('-', '').split('.');
  const kept = BigInt((int || '0') + frac.slice(0, places).padEnd(places, '0')) + (Number(frac[places] ?? '0') >= 5 ? 1n : 0n);
  if (kept === 0n) return '0';
  const digits = kept.toString().padStart(places + 1, '0');
  const whole = digits.slice(0, digits.length - places).replace(/^0+(?=\d)/, '');
  const part = digits.slice(digits.length - places).replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${part ? `.${part}` : ''}`;
}

describe('roundDecimals', () => {
  it('rounds to tenths half away from zero, drops zeros and the spaces around commands', () => {
    expect(roundDecimals('M 38.914063 32.902344 Q 39.96 -0.04 -8.25 .05 Z', 1, true)).toBe('M38.9 32.9Q40 0 -8.3 0.1Z');
    expect(roundDecimals('matrix(1 0 0 -1 12.345 -0.005)', 2, false)).toBe('matrix(1 0 0 -1 12.35 -0.01)');
    expect(roundDecimals('L 10 20 L 30 40', 1, true)).toBe('L10 20L30 40');
  });

  it('agrees with exact decimal rounding on random path data', () => {
    // Whole parts left out too (".5", "-.05"), as SVG allows.
    const number = fc.tuple(fc.boolean(), fc.option(fc.integer({ min: 0, max: 99_999 })), fc.stringMatching(/^\d{1,6}$/)).map(([negative, int, frac]) => `${negative ? '-' : ''}${int ?? ''}.${frac}`);
    const token = fc.oneof(number, fc.constantFrom('M', 'L', 'Q', 'Z', 'C'), fc.integer({ min: -500, max: 500 }).map(String));
    fc.assert(
      fc.property(fc.array(token, { maxLength: 30 }), fc.constantFrom(1, 2), (tokens, places) => {
        const value = tokens.join(' ');
        const expected = tokens.map((t) => (/\./.test(t) ? reference(t, places) : t)).join(' ');
        expect(roundDecimals(value, places, false)).toBe(expected);
      }),
      { numRuns: 5_000, seed: 20261128 },
    );
  });
});

describe('compactNumbers', () => {
  it('rounds the values of d (to tenths, compacted) and transform (to hundredths) and nothing else', () => {
    const svg = '<svg width="10.55"><path d="M 1.25 2.04 L 3 4" transform="translate(1.005 2)" fill="#123.456"/><text x="0.55">ä 1.25</text></svg>';
    expect(compactNumbers(svg)).toBe('<svg width="10.55"><path d="M1.3 2L3 4" transform="translate(1.01 2)" fill="#123.456"/><text x="0.55">ä 1.25</text></svg>');
    // Numbers without a whole part grow by a byte each, at the very end too.
    expect(compactNumbers('<g transform="translate(.5 .25)"/><path d=".5 -.55"/>')).toBe('<g transform="translate(0.5 0.25)"/><path d="0.5 -0.6"/>');
  });

  it('is the same as rounding each value found by a regular expression, on random documents', () => {
    const number = fc.tuple(fc.boolean(), fc.option(fc.integer({ min: 0, max: 9_999 })), fc.stringMatching(/^\d{1,6}$/)).map(([negative, int, frac]) => `${negative ? '-' : ''}${int ?? ''}.${frac}`);
    const value = fc.array(fc.oneof(number, fc.constantFrom('M', 'L', 'Z', 'matrix(', ')', ','), fc.integer({ min: -50, max: 50 }).map(String)), { maxLength: 12 }).map((t) => t.join(' '));
    const part = fc.oneof(
      value.map((v) => ` d="${v}"`),
      value.map((v) => ` transform="${v}"`),
      value.map((v) => ` x="${v}"`),
      fc.constantFrom('<path', '/>', '<g>', '</g>', ' ', 'ö', '"', 'd="1.55"'),
    );
    const byRegex = (svg: string) =>
      svg.replace(/ (d|transform)="([^"]*)"/g, (_m, name: string, v: string) => (name === 'd' ? ` d="${roundDecimals(v, 1, true)}"` : ` ${name}="${roundDecimals(v, 2, false)}"`));
    fc.assert(
      fc.property(fc.array(part, { maxLength: 20 }), (parts) => {
        const svg = parts.join('');
        expect(compactNumbers(svg)).toBe(byRegex(svg));
      }),
      { numRuns: 3_000, seed: 20261129 },
    );
  });
});
