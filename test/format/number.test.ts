import { describe, expect, it } from 'vitest';
import { formatCount, formatNumber, formatP, formatPercent, formatPStatement, formatSigned } from '../../src/format/number.ts';

const NBSP = '\u00a0';
const MINUS = '\u2212';

describe('formatNumber', () => {
  it('writes a decimal comma in Finnish and a point in English', () => {
    expect(formatNumber(3.854, 2, 'fi')).toBe('3,85');
    expect(formatNumber(3.854, 2, 'en')).toBe('3.85');
    expect(formatNumber(42, 0, 'fi')).toBe('42');
  });

  it('rounds half away from zero, also where binary floating point falls short', () => {
    expect(formatNumber(2.675, 2, 'en')).toBe('2.68');
    expect(formatNumber(1.005, 2, 'en')).toBe('1.01');
    expect(formatNumber(-0.125, 2, 'en')).toBe(`${MINUS}0.13`);
  });

  it('uses a true minus sign, and never writes minus zero', () => {
    expect(formatNumber(-1.5, 1, 'fi')).toBe(`${MINUS}1,5`);
    expect(formatNumber(-0.001, 2, 'en')).toBe('0.00');
  });

  it('groups thousands from 10 000 up: a no-break space in Finnish, a comma in English', () => {
    expect(formatNumber(9999.5, 1, 'fi')).toBe('9999,5');
    expect(formatNumber(12345.678, 2, 'fi')).toBe(`12${NBSP}345,68`);
    expect(formatNumber(1234567, 0, 'en')).toBe('1,234,567');
  });
});

describe('formatSigned', () => {
  it('marks the sign of a difference, and ± for one that rounds to zero', () => {
    expect(formatSigned(0.123, 2, 'fi')).toBe('+0,12');
    expect(formatSigned(-0.123, 2, 'en')).toBe(`${MINUS}0.12`);
    expect(formatSigned(0.004, 2, 'en')).toBe('\u00b10.00');
    expect(formatSigned(-0.004, 2, 'fi')).toBe('\u00b10,00');
  });
});

describe('formatPercent', () => {
  it('writes a share as a percentage: fi with a no-break space before %, en without', () => {
    expect(formatPercent(0.123, 'fi')).toBe(`12${NBSP}%`);
    expect(formatPercent(0.123, 'en')).toBe('12%');
    expect(formatPercent(0.0345, 'en', 1)).toBe('3.5%');
  });
});

describe('formatCount', () => {
  it('groups thousands from 1 000 up and rounds to a whole number', () => {
    expect(formatCount(999, 'fi')).toBe('999');
    expect(formatCount(3112, 'fi')).toBe(`3${NBSP}112`);
    expect(formatCount(3112, 'en')).toBe('3,112');
    expect(formatCount(1234567.4, 'en')).toBe('1,234,567');
  });
});

describe('formatP', () => {
  it('writes three decimals, and "< 0.001" below that', () => {
    expect(formatP(0.2071, 'fi')).toBe('0,207');
    expect(formatP(0.05, 'en')).toBe('0.050');
    expect(formatP(0.0004, 'en')).toBe(`<${NBSP}0.001`);
    expect(formatP(0.0004, 'fi')).toBe(`<${NBSP}0,001`);
  });

  it('never shows a significant p as 0.050: four decimals just below the 5 % level', () => {
    expect(formatP(0.0496, 'en')).toBe('0.0496');
    expect(formatP(0.04996, 'fi')).toBe('0,04996');
    expect(formatP(0.0494, 'en')).toBe('0.049');
    expect(formatP(0.0504, 'en')).toBe('0.050');
    expect(formatP(0.00099, 'en')).toBe(`<${NBSP}0.001`);
    expect(formatP(0.001, 'en')).toBe('0.001');
  });

  it('states p with "=" or "<", never both', () => {
    expect(formatPStatement(0.0004, 'en')).toBe(`p${NBSP}<${NBSP}0.001`);
    expect(formatPStatement(0.014, 'fi')).toBe(`p${NBSP}=${NBSP}0,014`);
  });
});
