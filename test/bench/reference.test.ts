/**
 * The bench's build against a reference cuts the sample down to the reference's
 * languages: the cut study must be valid (or the bench fails), hold no text in a
 * language it dropped, and keep every other value.
 */
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { copyInLanguages, differingInputs, studyInLanguages, studyLanguages } from '../../bench/reference.ts';
import { parseStudy } from '../../src/study/parse.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

describe('the sample in fewer languages', () => {
  it('is a valid study in Finnish and English, with no Swedish text and every other value kept', () => {
    const study = JSON.parse(readFileSync(join(ROOT, 'data', 'study.json'), 'utf8')) as Record<string, unknown>;
    expect(studyLanguages(join(ROOT, 'data'))).toEqual(['fi', 'sv', 'en']);
    const cut = studyInLanguages(study, ['fi', 'en']);
    const parsed = parseStudy(JSON.stringify(cut));
    expect(parsed.ok ? [] : parsed.problems).toEqual([]);
    expect(cut.languages).toEqual(['fi', 'en']);
    expect(JSON.stringify(cut)).not.toMatch(/"sv":/);
    // Putting the Swedish (and only the Swedish) back from the original gives the original: nothing else was touched.
    const restore = (original: unknown, value: unknown): unknown => {
      if (Array.isArray(original)) return original.map((o, i) => restore(o, (value as unknown[])[i]));
      if (original === null || typeof original !== 'object') return value;
      const v = value as Record<string, unknown>;
      return Object.fromEntries(Object.entries(original).flatMap(([k, o]) => (k in v ? [[k, restore(o, v[k])]] : k === 'sv' ? [[k, o]] : [])));
    };
    expect(restore(study, { ...cut, languages: study.languages })).toEqual(study);
  });

  it('is copied with the editorial files of the kept languages only', () => {
    const dest = mkdtempSync(join(tmpdir(), 'luotain-reference-test-'));
    try {
      const copy = copyInLanguages(join(ROOT, 'data'), join(ROOT, 'reports'), ['fi', 'en'], dest);
      for (const year of readdirSync(copy.reportsDir).filter((n) => /^\d{4}$/.test(n))) {
        const langs = readdirSync(join(copy.reportsDir, year)).filter((n) => /^[a-z]{2}$/.test(n));
        expect(langs.sort()).toEqual(['en', 'fi']);
      }
      expect(studyLanguages(copy.dataDir)).toEqual(['fi', 'en']);
      // Against itself cut the same way: the same study. A Swedish text left, or an edited file, is a difference.
      const again = copyInLanguages(join(ROOT, 'data'), join(ROOT, 'reports'), ['fi', 'en'], join(dest, 'again'));
      expect(differingInputs(copy, again)).toEqual([]);
      expect(differingInputs({ dataDir: join(ROOT, 'data'), reportsDir: join(ROOT, 'reports') }, copy)).toEqual(
        expect.arrayContaining([
          'data/study.json',
          ...readdirSync(join(ROOT, 'reports'))
            .filter((n) => /^\d{4}$/.test(n))
            .map((y) => expect.stringMatching(new RegExp(`^reports/${y}/sv/`))),
        ]),
      );
      appendFileSync(join(again.reportsDir, '2025', 'fi', 'index.md'), '\n');
      expect(differingInputs(copy, again)).toEqual(['reports/2025/fi/index.md']);
    } finally {
      rmSync(dest, { recursive: true, force: true });
    }
  });
});
