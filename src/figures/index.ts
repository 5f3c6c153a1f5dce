/** Figures as files of their own: standalone SVG documents, the share image, and the fonts they are drawn in. */
export { chartSize, escapeXml, PADDING, standaloneSvg, type StandaloneFigure } from './standalone-svg.ts';
export { MAX_SHARE_HEADLINES, SHARE_HEIGHT, SHARE_WIDTH, shareImageSvg, type ShareImage } from './share-image.ts';
export { sfntFromWoff } from './woff.ts';
export { figureDocuments, figureSource, shareDocument, type FigureDocument } from './edition-documents.ts';
export { encodePng } from './png.ts';
