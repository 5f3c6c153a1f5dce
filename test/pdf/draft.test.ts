/**
 * A study with a draft edition, built with buildSite like the CLI does: the draft's
 * PDFs carry LUONNOS/DRAFT on every page and are dated by the clock; the
 * published edition's carry no mark. Also: the build fails, with the browser
 * message, when no browser can be found.
 */
import { cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/cli/build.ts';
import { silentEffects } from '../support/effects.ts';
import { allPages, closePdf, openPdf, pageText } from './pdf-helpers.ts';

let work: string;
let out: string;
let built: ReturnType<typeof silentEffects>;
let code: number;

/** Two editions are enough: 2022 stays published, 2023 becomes a draft. */
async function fixture(dir: string): Promise<void> {
  await cp('data', join(dir, 'data'), { recursive: true });
  for (const year of ['2022', '2023']) await cp(join('reports', year), join(dir, 'reports', year), { recursive: true });
  await rm(join(dir, 'reports', '2023', 'publication.json'), { force: true });
  await rm(join(dir, 'reports', '2023', 'pdf'), { recursive: true, force: true });
  for (const lang of ['fi', 'sv', 'en']) {
    const file = join(dir, 'reports', '2023', lang, 'index.md');
    const text = await readFile(file, 'utf8');
    expect(text).toMatch(/^status: published$/m);
    await writeFile(file, text.replace(/^status: published$/m, 'status: draft'));
  }
}

beforeAll(async () => {
  await mkdir(resolve('test-output'), { recursive: true });
  work = await mkdtemp(resolve('test-output', 'draft-study-'));
  await fixture(work);
  out = join(work, 'site');
  built = silentEffects({ env: process.env });
  code = await buildSite({ dataDir: join(work, 'data'), reportsDir: join(work, 'reports'), cwd: work, outDir: out, pdf: true }, built);
}, 300_000);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('a draft edition', () => {
  it('builds', () => {
    expect(
      built.errors.filter((e) => !e.startsWith('warning')),
      built.errors.join('\n'),
    ).toEqual([]);
    expect(code).toBe(0);
  });

  it('reports progress per PDF', () => {
    const progress = built.output.filter((l) => /^PDF \d of \d: /.test(l));
    // Two editions in three languages.
    expect(progress).toHaveLength(6);
    expect(progress.some((l) => l.startsWith('PDF 6 of 6: '))).toBe(true);
  });

  it('marks every page of the draft PDFs with LUONNOS / DRAFT, and dates them by the clock', async () => {
    const files = (await readdir(join(out, 'pdf'))).filter((f) => f.includes('-2023-'));
    expect(files.sort()).toEqual(['kaukovesi-maine-2023-en-v1.0.pdf', 'kaukovesi-maine-2023-fi-v1.0.pdf', 'kaukovesi-maine-2023-sv-v1.0.pdf']);
    for (const file of files) {
      const mark = file.includes('-fi-') ? 'LUONNOS' : file.includes('-sv-') ? 'UTKAST' : 'DRAFT';
      const doc = await openPdf(join(out, 'pdf', file));
      const texts = await allPages(doc, (page) => pageText(page));
      texts.forEach((text, i) => expect(text, `${file} page ${i + 1}`).toContain(mark));
      // Besides the watermark, the running header and footer carry the mark (cover excepted).
      texts.slice(1).forEach((text, i) => expect(text.split(mark).length - 1, `${file} page ${i + 2}`).toBeGreaterThanOrEqual(3));
      const { info } = (await doc.getMetadata()) as { info: Record<string, string> };
      expect(info.Title).toContain(`(${mark})`);
      expect(info.CreationDate).toBe('D:20260115120000Z');
      await closePdf(doc);
    }
  });

  it('leaves the published edition unmarked', async () => {
    for (const lang of ['fi', 'sv', 'en']) {
      const doc = await openPdf(join(out, 'pdf', `kaukovesi-maine-2022-${lang}-v1.0.pdf`));
      const texts = await allPages(doc, (page) => pageText(page));
      for (const text of texts) expect(text).not.toMatch(/LUONNOS|UTKAST|DRAFT/);
      await closePdf(doc);
    }
  });
});

describe('without a browser', () => {
  it('fails the build with the browser message and keeps the previous output', async () => {
    const effects = silentEffects({ env: { LUOTAIN_CHROMIUM: join(work, 'no-such-chromium') } });
    const failed = await buildSite({ dataDir: join(work, 'data'), reportsDir: join(work, 'reports'), cwd: work, outDir: out, pdf: true }, effects);
    expect(failed).toBe(1);
    const message = effects.errors.join('\n');
    expect(message).toContain('Build failed: No Chromium found for the PDFs');
    expect(message).toContain('LUOTAIN_CHROMIUM');
    expect(message).toContain('--no-pdf');
    // The earlier build's PDFs are still there.
    expect((await readdir(join(out, 'pdf'))).length).toBe(6);
  }, 120_000);
});
