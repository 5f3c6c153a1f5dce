import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { figureDocuments, shareDocument } from '../../src/figures/index.ts';
import { drawFigureFiles, prepareFonts, renderDocument } from '../../src/pipeline/figure-files.ts';
import { siteReport } from '../site/fixture.ts';

/** A PNG's size (IHDR) and its decompressed scanlines (the IDAT chunks). */
function readPng(png: Uint8Array): { width: number; height: number; data: Uint8Array } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const idat: Uint8Array[] = [];
  let width = 0;
  let height = 0;
  for (let at = 8; at < png.length; ) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...png.subarray(at + 4, at + 8));
    if (type === 'IHDR') [width, height] = [view.getUint32(at + 8), view.getUint32(at + 12)];
    if (type === 'IDAT') idat.push(png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  return { width, height, data: inflateSync(Buffer.concat(idat)) };
}

describe('figure files', () => {
  let dir: string;
  let fonts: string[];
  const model = siteReport();
  const edition = model.editions.find((e) => e.year === 2025)!;
  const css = '.luotain-chart text { font-family: Inter, sans-serif; }';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'luotain-figure-test-'));
    fonts = await prepareFonts(dir);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('outlines the text in Inter, keeps the caption and description as title and desc, and refers to nothing outside', () => {
    const [document] = figureDocuments(model, edition, 'en', css);
    const caption = /<title>([^<]*)<\/title>/.exec(document!.svg)![1]!;
    const { svg } = renderDocument(document!, fonts);
    expect(/<text\b|<style\b|font-family/.test(svg)).toBe(false);
    expect(svg).toContain(`<title>${caption}</title>`);
    // The fixture's 2025 is a draft, and its source line says so.
    expect(/<desc>[^<]+ Source: Org, [^<]+ 2025 \(DRAFT\)<\/desc>/.test(svg)).toBe(true);
    expect(/href=|url\((?!#)|@import|<image\b/.test(svg)).toBe(false);
    expect((svg.match(/<path\b/g) ?? []).length).toBeGreaterThan(10);
    // Without the fonts the text has no glyphs: the outlines are Inter's, not a system font's.
    expect(renderDocument(document!, []).svg.length).toBeLessThan(svg.length / 2);
  });

  it("renders the PNG at twice the SVG's viewBox, not blank, and the same bytes every time", () => {
    const documents = figureDocuments(model, edition, 'fi', css);
    for (const document of documents.slice(0, 3)) {
      const first = renderDocument(document, fonts);
      const [, w, h] = /viewBox="0 0 (\d+) (\d+)"/.exec(first.svg)!.map(Number);
      const png = readPng(first.png);
      expect([png.width, png.height]).toEqual([2 * w!, 2 * h!]);
      // A blank image filters to a few byte values; a chart has many.
      expect(new Set(png.data).size).toBeGreaterThan(50);
      const again = renderDocument(document, fonts);
      expect(Buffer.from(again.png).equals(Buffer.from(first.png))).toBe(true);
      expect(again.svg).toBe(first.svg);
    }
  });

  it('renders the share image at 1200 × 630', () => {
    const png = readPng(renderDocument(shareDocument(model, edition, 'en'), fonts).png);
    expect([png.width, png.height]).toEqual([1200, 630]);
    expect(new Set(png.data).size).toBeGreaterThan(50);
  });
});

describe('drawFigureFiles', () => {
  const model = siteReport();
  const files = (dir: string) =>
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
      .sort();

  it('draws the same files when a second thread joins once told that cores are free', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'luotain-figure-threads-'));
    try {
      const jobs = model.study.languages.length * model.editions.length;
      expect(jobs).toBeGreaterThan(2);
      const one = await drawFigureFiles(model, join(dir, 'one'), join(dir, 'fonts'), 1);
      const two = await drawFigureFiles(model, join(dir, 'two'), join(dir, 'fonts'), 1, undefined, Promise.resolve(1));
      expect(one.threads).toBe(1);
      expect(two.threads).toBe(2);
      expect({ ...two, threads: 1 }).toEqual(one);
      const names = files(join(dir, 'one'));
      expect(names.length).toBe(2 * one.figures + one.shareImages);
      expect(files(join(dir, 'two'))).toEqual(names);
      for (const name of names) expect(readFileSync(join(dir, 'two', name)).equals(readFileSync(join(dir, 'one', name))), name).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
