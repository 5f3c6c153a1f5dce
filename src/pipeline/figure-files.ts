/**
 * Writes the figure files of a build: for every edition and language each figure as
 * an SVG with its text outlined (so that it looks the same in any program, with or
 * without Inter) and as a PNG at twice its size, and the share image. Text is laid
 * out in Inter, converted from the site's own WOFF files, never a system font.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import type { ReportModel } from '../model/types.ts';
import { figureDocuments, sfntFromWoff, shareDocument, type FigureDocument } from '../figures/index.ts';

/** The Inter faces the figures use: regular, bold (for 600 and 700) and italic, Latin and Latin Extended. */
const FONT_FACES = ['latin-400-normal', 'latin-700-normal', 'latin-400-italic', 'latin-ext-400-normal', 'latin-ext-700-normal', 'latin-ext-400-italic'];

const require = createRequire(import.meta.url);

/** Writes Inter as TrueType files into `dir` (resvg reads no WOFF) and returns their paths. */
export async function prepareFonts(dir: string): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  return Promise.all(
    FONT_FACES.map(async (face) => {
      const woff = await readFile(require.resolve(`@fontsource/inter/files/inter-${face}.woff`));
      const path = join(dir, `inter-${face}.ttf`);
      await writeFile(path, sfntFromWoff(woff));
      return path;
    }),
  );
}

/** Rounds path data to 0.1 px (a tenth of a pixel of the chart; transforms to 0.01) and drops the spaces around its commands: outlines exact to the eye at a fraction of the size. */
function compactNumbers(svg: string): string {
  const rounded = (value: string, step: number) => value.replace(/-?\d*\.\d+/g, (n) => String(Math.round(Number(n) * step) / step || 0));
  return svg.replace(/ (d|transform)="([^"]*)"/g, (_m, name: string, value: string) =>
    name === 'd' ? ` d="${rounded(value, 10).replace(/ ?([A-Za-z]) ?/g, '$1')}"` : ` ${name}="${rounded(value, 100)}"`,
  );
}

/**
 * The document's title, description and language, which outlining drops, put back
 * at the top of the outlined SVG.
 */
function restoreText(outlined: string, source: string): string {
  const title = /<title>[\s\S]*?<\/title>/.exec(source)?.[0] ?? '';
  const desc = /<desc>[\s\S]*?<\/desc>/.exec(source)?.[0] ?? '';
  const lang = /^<svg\b[^>]*\sxml:lang="([^"]*)"/.exec(source)?.[1];
  return outlined.replace(/^<svg\b([^>]*)>/, (_m, attributes: string) => `<svg${attributes}${lang ? ` xml:lang="${lang}"` : ''} role="img">${title}${desc}`);
}

/** A document outlined (SVG) and rendered (PNG at its scale). */
export function renderDocument(document: FigureDocument, fonts: readonly string[]): { svg: string; png: Uint8Array; width: number; height: number } {
  const resvg = new Resvg(document.svg, {
    font: { loadSystemFonts: false, fontFiles: [...fonts], defaultFontFamily: 'Inter', sansSerifFamily: 'Inter' },
    fitTo: { mode: 'zoom', value: document.scale },
    background: '#ffffff',
    logLevel: 'off',
  });
  const image = resvg.render();
  const svg = `${restoreText(compactNumbers(resvg.toString().trim()), document.svg)}\n`;
  return { svg, png: image.asPng(), width: image.width, height: image.height };
}

/** Writes every figure file of the model below `siteDir`, rendering each document once; `fontDir` takes the fonts. */
export async function writeFigureFiles(model: ReportModel, siteDir: string, fontDir: string): Promise<{ figures: number; shareImages: number }> {
  const fonts = await prepareFonts(fontDir);
  const css = await readFile(new URL('../charts/charts.css', import.meta.url), 'utf8');
  let figures = 0;
  let shareImages = 0;
  const write = async (path: string, data: string | Uint8Array) => {
    const file = join(siteDir, ...path.split('/').filter(Boolean));
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, data);
  };
  for (const lang of model.study.languages) {
    for (const edition of model.editions) {
      for (const document of [...figureDocuments(model, edition, lang, css), shareDocument(model, edition, lang)]) {
        const { svg, png } = renderDocument(document, fonts);
        if (document.svgPath) {
          await write(document.svgPath, svg);
          figures++;
        } else shareImages++;
        await write(document.pngPath, png);
      }
    }
  }
  return { figures, shareImages };
}
