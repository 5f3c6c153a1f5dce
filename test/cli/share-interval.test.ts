// Editions published with symmetric share intervals keep them; a new version adopts the
// logit interval. On a copy of the sample study, whose records of 2022–2025 were all
// written before records said which interval their shares have.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { indicatorsCsv } from '../../src/export/index.ts';
import type { Cell, EditionModel } from '../../src/model/types.ts';
import { loadReport } from '../../src/pipeline/load-report.ts';
import { parseRecord, recordedFigures, sameFigure, type PublicationRecord } from '../../src/publish/index.ts';
import { silentEffects, TEST_LOAD } from '../support/effects.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'luotain-share-interval-'));
const at = (...parts: string[]) => join(scratch, ...parts);
const record = (year: number): PublicationRecord => parseRecord(readFileSync(at('reports', String(year), 'publication.json'), 'utf8'), 'p', year).record!;
const load = () => loadReport({ dataDir: 'data', reportsDir: 'reports', cwd: scratch, ...TEST_LOAD });

type Shown = Extract<Cell, { shown: true }>;
/** Every shown share cell of an edition (top box, distribution, can't say, NPS parts). */
const shareCells = (e: EditionModel): Shown[] =>
  e.indicators.flatMap((x) =>
    Object.values(x.stats).flatMap((s) => [s.topBox, ...(s.distribution ?? []), s.cantSay, s.promoters, s.passives, s.detractors].filter((c): c is Shown => c?.shown === true)),
  );
const outside = (cells: Shown[]) => cells.filter((c) => c.ci[0] < 0 || c.ci[1] > 1);

beforeAll(() => {
  cpSync(join(ROOT, 'data'), at('data'), { recursive: true });
  cpSync(join(ROOT, 'reports'), at('reports'), { recursive: true });
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the interval of shares per edition', () => {
  it('an edition published with symmetric intervals keeps them, verifies, and is warned of once', async () => {
    const { model, issues } = await load();
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
    const e2024 = model!.editions.find((e) => e.year === 2024)!;
    expect(e2024.shareInterval).toBe('wald');
    // The recorded bounds, negative ones included, are what the model (and so the site and the CSV) shows.
    const recorded = record(2024).current.figures;
    const figures = recordedFigures(model!, e2024);
    const negative = Object.keys(recorded).filter((k) => /\.ci_low$/.test(k) && Number(recorded[k]) < 0);
    expect(negative.length).toBeGreaterThan(0);
    for (const key of negative) expect(sameFigure(figures[key]!, recorded[key]!), key).toBe(true);
    expect(outside(shareCells(e2024)).length).toBeGreaterThan(0);
    const csv = indicatorsCsv(model!, [e2024]);
    const [breakdown, domain, indicator, statistic] = negative[0]!.split('|');
    expect(csv).toContain(`2024,${breakdown},${domain},${indicator},`);
    expect(csv.split('\n').find((l) => l.startsWith(`2024,${breakdown},${domain},${indicator},`) && l.includes(`,${statistic},`))).toMatch(/,-\d/);
    // One warning per such edition, naming its record and the way out.
    const warnings = issues.filter((i) => i.message.includes('symmetric intervals for shares'));
    expect(warnings.map((w) => w.file)).toEqual(['2022', '2023', '2024', '2025'].map((y) => join('reports', y, 'publication.json')));
    expect(warnings[2]!.message).toMatch(/^2024 was published with symmetric intervals for shares \(the share ± 1\.96 standard errors\), \d+ of which reach below 0 % or above 100 %;/);
    expect(warnings[2]!.hint).toBe(
      'Publish a new version to adopt the logit interval: luotain publish 2024 --version <next> --note-fi "Intervals of shares by the logit method" --note-sv "Intervals of shares by the logit method" --note-en "Intervals of shares by the logit method".',
    );
  });

  it('a new version adopts the logit interval and records it; the other editions keep theirs', async () => {
    const effects = silentEffects({ cwd: scratch });
    const code = await main(
      [
        'publish',
        '2024',
        '--version',
        '1.1',
        '--note-fi',
        'Osuuksien luottamusvälit logit-menetelmällä',
        '--note-sv',
        'Andelarnas konfidensintervall med logit-metoden',
        '--note-en',
        'Intervals of shares by the logit method',
        '--date',
        '2026-01-15',
      ],
      effects,
    );
    expect(effects.errors.filter((l) => l.startsWith('error'))).toEqual([]);
    expect(code).toBe(0);
    expect(effects.output.at(-1)).toBe('The shares of 2024 now have logit intervals, within 0–100 %; version 1.0 had symmetric ones (the share ± 1.96 standard errors).');
    const r = record(2024);
    expect(r.current.methods).toEqual({ shareInterval: 'logit' });
    expect(r.history.map((h) => [h.version, h.methods])).toEqual([['1.0', undefined]]);
    expect(readFileSync(at('reports/2024/publication.json'), 'utf8')).toContain('\n    "methods": {\n      "shareInterval": "logit"\n    },\n');

    const { model, issues } = await load();
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
    const byYear = new Map(model!.editions.map((e) => [e.year, e]));
    expect([...byYear.values()].map((e) => [e.year, e.shareInterval])).toEqual([
      [2022, 'wald'],
      [2023, 'wald'],
      [2024, 'logit'],
      [2025, 'wald'],
    ]);
    expect(outside(shareCells(byYear.get(2024)!))).toEqual([]);
    // Means keep ± 1.96 SE in every edition.
    const mean = byYear.get(2024)!.indicators[0]!.stats.total!.mean as Shown;
    expect(mean.ci[0]).toBeCloseTo(mean.estimate - 1.959963984540054 * mean.se, 12);
    expect(issues.filter((i) => i.message.includes('symmetric intervals for shares')).map((w) => w.file)).toEqual(['2022', '2023', '2025'].map((y) => join('reports', y, 'publication.json')));
  });

  it('a draft has the logit interval', async () => {
    rmSync(at('reports/2025/publication.json'));
    const { model } = await load();
    const draft = model!.editions.find((e) => e.year === 2025)!;
    expect(draft.status).toBe('draft');
    expect(draft.shareInterval).toBe('logit');
    expect(outside(shareCells(draft))).toEqual([]);
    expect(shareCells(draft).some((c) => c.ci[0] > 0 && c.estimate - 1.959963984540054 * c.se < 0)).toBe(true);
  });
});
