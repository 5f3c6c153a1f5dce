/**
 * The share image of an edition in one language (Open Graph, 1200 × 630): the study,
 * the edition's year and its headline figures with their bands, in the bands' colours.
 * Built from the page view's headlines; the build outlines and renders it to PNG.
 */
import { INK, MUTED } from '../charts/palette.ts';
import { textWidth, wrapText } from '../charts/text.ts';
import { FONT_FAMILY } from '../charts/render.ts';
import type { Headline } from '../site/view.ts';
import { escapeXml } from './standalone-svg.ts';

export const SHARE_WIDTH = 1200;
export const SHARE_HEIGHT = 630;

export interface ShareImage {
  organisation: string;
  /** The study's title and the edition's year. */
  title: string;
  /** "Headline figures". */
  heading: string;
  /** The draft marker, for an unpublished edition. */
  draft?: string;
  /** The colour of the accent bar (the study's highest band). */
  accent: string;
  headlines: readonly Pick<Headline, 'label' | 'value' | 'band'>[];
  lang: string;
}

const MARGIN = 64;
const CARD_GAP = 24;
/** At most this many headline figures fit side by side. */
export const MAX_SHARE_HEADLINES = 4;

function textLines(lines: readonly string[], x: number, y: number, step: number, attributes: string): string {
  return lines.map((line, i) => `<text x="${x}" y="${y + i * step}"${attributes}>${escapeXml(line)}</text>`).join('');
}

/** The share image as SVG. */
export function shareImageSvg(image: ShareImage): string {
  const inner = SHARE_WIDTH - 2 * MARGIN;
  const title = wrapText(image.title, inner / 1.1, 52, 2);
  const titleTop = 150;
  const cardsTop = titleTop + (title.length - 1) * 62 + 110;
  const cards = image.headlines.slice(0, MAX_SHARE_HEADLINES);
  const cardWidth = cards.length > 0 ? (inner - CARD_GAP * (cards.length - 1)) / cards.length : inner;
  const cardHeight = SHARE_HEIGHT - MARGIN - cardsTop;
  const cardMarkup = cards
    .map((card, i) => {
      const x = MARGIN + i * (cardWidth + CARD_GAP);
      const label = wrapText(card.label, cardWidth - 48, 22, 2);
      const valueY = cardsTop + 48 + label.length * 28 + 58;
      const band = card.band
        ? (() => {
            const width = Math.min(cardWidth - 48, textWidth(card.band.label, 20, true) + 32);
            return `<rect x="${x + 24}" y="${valueY + 22}" width="${Math.round(width)}" height="36" rx="18" fill="${card.band.colour}"/><text x="${x + 40}" y="${valueY + 47}" font-size="20" font-weight="700" fill="${card.band.textColour}">${escapeXml(card.band.label)}</text>`;
          })()
        : '';
      return [
        `<rect x="${Math.round(x)}" y="${cardsTop}" width="${Math.round(cardWidth)}" height="${cardHeight}" rx="14" fill="#ffffff" stroke="#d0d5db" stroke-width="2"/>`,
        `<rect x="${Math.round(x)}" y="${cardsTop}" width="10" height="${cardHeight}" rx="5" fill="${card.band?.colour ?? '#d0d5db'}"/>`,
        textLines(label, Math.round(x + 24), cardsTop + 44, 28, ` font-size="22" font-weight="700" fill="${INK}"`),
        `<text x="${Math.round(x + 24)}" y="${valueY}" font-size="64" font-weight="700" fill="${INK}">${escapeXml(card.value)}</text>`,
        band,
      ].join('');
    })
    .join('');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${SHARE_WIDTH}" height="${SHARE_HEIGHT}" viewBox="0 0 ${SHARE_WIDTH} ${SHARE_HEIGHT}" xml:lang="${escapeXml(image.lang)}" font-family="${FONT_FAMILY}">`,
    `<title>${escapeXml(image.title)}</title>`,
    `<rect width="${SHARE_WIDTH}" height="${SHARE_HEIGHT}" fill="#f3f5f7"/>`,
    `<rect width="${SHARE_WIDTH}" height="16" fill="${image.accent}"/>`,
    `<text x="${MARGIN}" y="90" font-size="26" fill="${MUTED}">${escapeXml(image.organisation)}</text>`,
    image.draft ? `<text x="${SHARE_WIDTH - MARGIN}" y="90" font-size="26" font-weight="700" fill="#b42318" text-anchor="end">${escapeXml(image.draft)}</text>` : '',
    textLines(title, MARGIN, titleTop, 62, ` font-size="52" font-weight="700" fill="${INK}"`),
    `<text x="${MARGIN}" y="${cardsTop - 22}" font-size="22" fill="${MUTED}">${escapeXml(image.heading)}</text>`,
    cardMarkup,
    '</svg>\n',
  ].join('');
}
