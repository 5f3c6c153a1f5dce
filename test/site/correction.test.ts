import { describe, expect, it } from 'vitest';
import type { ReportModel } from '../../src/model/types.ts';
import { noteByLanguage } from '../../src/publish/record.ts';
import { correctionNotice, noteIn } from '../../src/site/correction.ts';
import { pageContext } from '../../src/site/page-context.ts';
import { routes } from '../../src/site/routes.ts';
import { siteReport } from './fixture.ts';

const summary = (model: ReportModel, lang: string, year: number, base?: string) => pageContext(model, routes(model).find((r) => r.lang === lang && r.year === year && r.kind === 'summary')!, base);

/** The fixture with its latest edition corrected: version 1.1 replacing 1.0, with `note`. */
function corrected(note?: Partial<Record<'fi' | 'sv' | 'en', string>>): ReportModel {
  const model = siteReport();
  const editions = model.editions.map((e) =>
    e.year === 2025 ? { ...e, status: 'published' as const, version: '1.1', published: '2025-04-01', ...(note ? { note } : {}), history: [{ version: '1.0', published: '2025-03-13', pdf: {} }] } : e,
  );
  return { ...model, editions };
}

describe('corrections', () => {
  it("a note in the page's language; else the one there is, marked with its language", () => {
    expect(noteIn({ fi: 'Korjattu', en: 'Corrected' }, 'en')).toEqual({ text: 'Corrected' });
    expect(noteIn({ fi: 'Korjattu' }, 'en')).toEqual({ text: 'Korjattu', lang: 'fi' });
    expect(noteIn(undefined, 'en')).toBeUndefined();
    expect(noteIn({}, 'en')).toBeUndefined();
  });

  it("an older record's one text is taken as the study's first language", () => {
    expect(noteByLanguage('Painot korjattu', ['fi', 'sv', 'en'])).toEqual({ fi: 'Painot korjattu' });
    expect(noteByLanguage('Weights corrected', ['en', 'fi'])).toEqual({ en: 'Weights corrected' });
    expect(noteByLanguage({ fi: 'a', en: 'b' }, ['fi', 'en'])).toEqual({ fi: 'a', en: 'b' });
  });

  it('the notice of a corrected edition, in the page language, linking to the version history under the base', () => {
    const model = corrected({ fi: 'Painot korjattu.', en: 'Weights corrected.' });
    expect(correctionNotice(summary(model, 'en', 2025, '/reports/kaukovesi/'))).toEqual({
      title: 'Corrected version 1.1',
      text: 'Version 1.1, published 1 April 2025, replaces version 1.0.',
      note: { text: 'Weights corrected.' },
      historyHref: '/reports/kaukovesi/en/2025/method/#history-h',
      historyText: 'Version history',
    });
    expect(correctionNotice(summary(model, 'fi', 2025))).toEqual({
      title: 'Korjattu versio 1.1',
      text: 'Versio 1.1, julkaistu 1.4.2025, korvaa version 1.0.',
      note: { text: 'Painot korjattu.' },
      historyHref: '/fi/2025/method/#history-h',
      historyText: 'Versiohistoria',
    });
    // Without a note (none recorded) the notice still says what version replaced which.
    expect(correctionNotice(summary(corrected(), 'en', 2025))).not.toHaveProperty('note');
  });

  it('no notice for an edition never corrected', () => {
    const model = siteReport();
    for (const e of model.editions) expect(correctionNotice(summary(model, 'en', e.year)), String(e.year)).toBeUndefined();
  });
});
