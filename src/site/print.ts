import type { Lang } from '../study/schema.ts';
import type { EditionModel, ReportModel } from '../model/types.ts';
import { t } from '../i18n/index.ts';

/** A CSS string literal: quotes, backslashes, line breaks and "<" escaped (safe inside <style>). */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"<>\n\r\f]/g, (c) => `\\${c.charCodeAt(0).toString(16).toUpperCase()} `)}"`;
}

export interface RunningTexts {
  lang: Lang;
  /** "<study title> <year>". */
  title: string;
  organisation: string;
  /** "Versio 1.0" / "Version 1.0". */
  version: string;
  /** LUONNOS / DRAFT on a draft edition. */
  draft?: string;
}

export function runningTexts(model: ReportModel, edition: EditionModel, lang: Lang): RunningTexts {
  return {
    lang,
    title: `${model.study.title[lang]} ${edition.year}`,
    organisation: model.study.organisation[lang],
    version: `${t(lang, 'ui.version')} ${edition.version}`,
    ...(edition.status === 'draft' ? { draft: t(lang, 'ui.draft') } : {}),
  };
}

/**
 * The running header and footer as CSS page margin boxes (Chromium >= 131): they use
 * the page's own font, and the cover (:first) has none. Header: the study title and
 * year, the organisation; footer: the version and "sivu N / M" ("page N / M");
 * a draft also carries its mark in both on every page.
 */
export function runningHeadCss(x: RunningTexts): string {
  const base = 'font-family: Inter, "Helvetica Neue", Arial, sans-serif; font-size: 7.5pt; color: #4d5560;';
  const draft = 'font-family: Inter, "Helvetica Neue", Arial, sans-serif; font-size: 8pt; font-weight: 700; color: #b42318;';
  const page = t(x.lang, 'print.page');
  const boxes = [
    `@top-left { content: ${cssString(x.title)}; ${base} vertical-align: bottom; padding-bottom: 6mm; }`,
    `@top-right { content: ${cssString(x.organisation)}; ${base} vertical-align: bottom; padding-bottom: 6mm; }`,
    `@bottom-left { content: ${cssString(x.version)}; ${base} vertical-align: top; padding-top: 6mm; }`,
    `@bottom-right { content: ${cssString(`${page} `)} counter(page) " / " counter(pages); ${base} font-variant-numeric: tabular-nums; vertical-align: top; padding-top: 6mm; }`,
    ...(x.draft
      ? [
          `@top-center { content: ${cssString(x.draft)}; ${draft} vertical-align: bottom; padding-bottom: 6mm; }`,
          `@bottom-center { content: ${cssString(x.draft)}; ${draft} vertical-align: top; padding-top: 6mm; }`,
        ]
      : []),
  ];
  const none = ['top-left', 'top-center', 'top-right', 'bottom-left', 'bottom-center', 'bottom-right'].map((b) => `@${b} { content: none; }`);
  return `@page { ${boxes.join(' ')} }\n@page :first { ${none.join(' ')} }`;
}
