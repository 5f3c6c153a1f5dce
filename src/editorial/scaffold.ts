import { t } from '../i18n/index.ts';
import type { Study } from '../study/schema.ts';

/** The editorial files of a new draft edition: relative path → content. */
export function editionScaffold(study: Study, year: number, sections: readonly string[]): Map<string, string> {
  const files = new Map<string, string>();
  for (const lang of study.languages) {
    files.set(
      `${lang}/index.md`,
      ['---', `title: ${JSON.stringify(`${study.title[lang]} ${year}`)}`, 'status: draft', 'version: "0.1"', 'fieldwork: ""', 'sample: ""', '---', '', t(lang, 'editorial.summary'), ''].join('\n'),
    );
    for (const id of sections) files.set(`${lang}/${id}.md`, t(lang, 'editorial.section', { id }) + '\n');
  }
  return files;
}
