/**
 * The documents an edition's figure files are made from, in one language: each
 * figure as a standalone SVG and the share image, with the paths they are written to
 * below the site's folder. Pure: the build outlines, renders and writes them.
 */
import type { EditionModel, ReportModel } from '../model/types.ts';
import type { Lang } from '../study/schema.ts';
import { t } from '../i18n/index.ts';
import { editionFigures } from '../site/page-figures.ts';
import { pageContext } from '../site/page-context.ts';
import { chapters } from '../site/routes.ts';
import { figureFileHref, headlines, shareImageHref } from '../site/view.ts';
import { MAX_SHARE_HEADLINES, shareImageSvg } from './share-image.ts';
import { standaloneSvg } from './standalone-svg.ts';

export interface FigureDocument {
  /** The SVG as the build renders it (text still text). */
  svg: string;
  /** Site paths of the outlined SVG (absent for the share image) and of the PNG. */
  svgPath?: string;
  pngPath: string;
  /** The PNG's scale: 2 for a figure (for sharp slides and print), 1 for the share image (its size is fixed). */
  scale: number;
}

/** The source line of an edition's figures: organisation, study and year, and the draft marker of a draft. */
export function figureSource(model: ReportModel, edition: EditionModel, lang: Lang): string {
  const source = t(lang, 'figure.source', { organisation: model.study.organisation[lang], study: model.study.title[lang], year: String(edition.year) });
  return edition.status === 'draft' ? `${source} (${t(lang, 'ui.draft')})` : source;
}

/** Every figure of the edition in the language as a standalone SVG, with its file paths. */
export function figureDocuments(model: ReportModel, edition: EditionModel, lang: Lang, css: string): FigureDocument[] {
  const source = figureSource(model, edition, lang);
  return editionFigures(model, edition, lang).map((f) => ({
    svg: standaloneSvg({ chartSvg: f.svg, caption: f.caption, ...(f.notes ? { notes: f.notes } : {}), source, lang, css }),
    svgPath: figureFileHref(lang, edition.year, f.file, 'svg'),
    pngPath: figureFileHref(lang, edition.year, f.file, 'png'),
    scale: 2,
  }));
}

/** The share image of the edition in the language. */
export function shareDocument(model: ReportModel, edition: EditionModel, lang: Lang): FigureDocument {
  const summary = chapters(model, edition, lang)[0]!.first;
  const ctx = pageContext(model, summary);
  const svg = shareImageSvg({
    organisation: model.study.organisation[lang],
    title: `${model.study.title[lang]} ${edition.year}`,
    heading: t(lang, 'ui.headline'),
    ...(edition.status === 'draft' ? { draft: t(lang, 'ui.draft') } : {}),
    accent: model.study.bands[0]?.colour ?? '#1b1f24',
    headlines: headlines(ctx).slice(0, MAX_SHARE_HEADLINES),
    lang,
  });
  return { svg, pngPath: shareImageHref(lang, edition.year), scale: 1 };
}
