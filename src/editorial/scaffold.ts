import type { Lang, Study } from '../study/schema.ts';

const GUIDE: Record<Lang, { summary: string; section: (id: string) => string }> = {
  fi: {
    summary:
      '<!-- Kirjoita tähän johdon tiivistelmä (markdown). Osioiden kommentit kirjoitetaan saman kansion tiedostoihin; tyhjä tiedosto jätetään pois. Luvut tulevat aineistosta: älä kirjoita niitä käsin. -->',
    section: (id) => `<!-- Kommentti osioon "${id}" (markdown). Jätä tyhjäksi, jos osioon ei tule kommenttia. -->`,
  },
  en: {
    summary:
      '<!-- Write the executive summary here (markdown). Commentary on each section goes into the files of this folder; an empty file is left out. Figures come from the data: do not type them in. -->',
    section: (id) => `<!-- Commentary on the section "${id}" (markdown). Leave empty if the section needs none. -->`,
  },
};

/** The editorial files of a new draft edition: relative path → content. */
export function editionScaffold(study: Study, year: number, sections: readonly string[]): Map<string, string> {
  const files = new Map<string, string>();
  for (const lang of study.languages) {
    const g = GUIDE[lang];
    files.set(
      `${lang}/index.md`,
      ['---', `title: ${JSON.stringify(`${study.title[lang]} ${year}`)}`, 'status: draft', 'version: "0.1"', 'fieldwork: ""', 'sample: ""', '---', '', g.summary, ''].join('\n'),
    );
    for (const id of sections) files.set(`${lang}/${id}.md`, g.section(id) + '\n');
  }
  return files;
}
