import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { basePathProblem, normaliseBasePath, parseStudy } from '../../src/study/index.ts';

describe('the base path', () => {
  it('is kept with "/" at both ends, however written', () => {
    expect(['/reports/kaukovesi/', '/reports/kaukovesi', 'reports/kaukovesi/', 'reports/kaukovesi', '//reports/kaukovesi//'.slice(1)].map(normaliseBasePath)).toEqual(
      Array(5).fill('/reports/kaukovesi/'),
    );
    expect(['', '/', '//'].map(normaliseBasePath)).toEqual(['/', '/', '/']);
    expect(normaliseBasePath('a.b_c~d-1')).toBe('/a.b_c~d-1/');
  });

  it('accepts plain folder names and the root', () => {
    for (const base of ['/', '', '/reports/kaukovesi/', 'raportit/2025', '/a.b_c~d-1/']) expect(basePathProblem(base), base).toBeUndefined();
  });

  it('refuses what is not a plain path under the site, saying why', () => {
    expect(basePathProblem('/reports/../admin/')).toBe('must not contain "." or ".." folders');
    expect(basePathProblem('/./reports/')).toBe('must not contain "." or ".." folders');
    expect(basePathProblem('..')).toBe('must not contain "." or ".." folders');
    expect(basePathProblem('/reports/?x=1')).toBe('must be a path only: no "?" query or "#" fragment');
    expect(basePathProblem('/reports/#top')).toBe('must be a path only: no "?" query or "#" fragment');
    expect(basePathProblem('https://example.fi/reports/')).toBe('must be a path such as "/reports/kaukovesi/", not an address with a scheme or host');
    expect(basePathProblem('//example.fi/reports/')).toBe('must be a path such as "/reports/kaukovesi/", not an address with a scheme or host');
    expect(basePathProblem('/reports//kaukovesi/')).toBe('has an empty folder name ("//")');
    expect(basePathProblem('\\reports\\')).toBe('must use "/" between folders, not "\\"');
    expect(basePathProblem('/raportit/kävijät/')).toBe('has the folder name "kävijät": use letters (A–Z, a–z), digits, "-", "_", "." and "~" only');
    expect(basePathProblem('/my reports/')).toBe('has the folder name "my reports": use letters (A–Z, a–z), digits, "-", "_", "." and "~" only');
  });

  it('study.json "base" is normalised, and a bad one is a problem at its path with a hint', () => {
    const sample = JSON.parse(readFileSync('data/study.json', 'utf8'));
    const good = parseStudy(JSON.stringify({ ...sample, base: 'reports/kaukovesi' }));
    expect(good.ok && good.study.base).toBe('/reports/kaukovesi/');
    const none = parseStudy(JSON.stringify(sample));
    expect(none.ok && none.study.base).toBeUndefined();
    const bad = parseStudy(JSON.stringify({ ...sample, base: '/reports/../x?y' }));
    expect(bad.ok).toBe(false);
    if (!bad.ok)
      expect(bad.problems.map((p) => [p.path, p.message, p.hint])).toEqual([
        ['base', 'must be a path only: no "?" query or "#" fragment', 'Write the path the site is served under, e.g. "/reports/kaukovesi/" (or leave "base" out for the root of a domain).'],
      ]);
  });
});
