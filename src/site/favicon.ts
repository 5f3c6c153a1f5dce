import type { StudyMeta } from '../model/types.ts';

/** Where the site's icon is served. */
export const FAVICON_PATH = '/favicon.svg';

/**
 * The site's icon: three rising bars in the colours of the study's best bands, on
 * white — a small chart, drawn without text so that it needs no font.
 */
export function faviconSvg(bands: StudyMeta['bands']): string {
  const best = bands.slice(0, 3);
  const colours = [best[best.length - 1], best[Math.min(1, best.length - 1)], best[0]].map((b) => b.colour);
  const bars = colours.map((fill, i) => `<rect x="${4 + i * 9}" y="${20 - i * 7}" width="7" height="${8 + i * 7}" rx="1" fill="${fill}"/>`).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#ffffff"/>${bars}</svg>\n`;
}
