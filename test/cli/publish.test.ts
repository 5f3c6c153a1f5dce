// The publishing flow on a copy of the sample study: publish a draft, a changed data
// file failing the check, refused corrections, and a correction with its history.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { loadReport } from '../../src/pipeline/load-report.ts';
import { diffFigures, parseRecord, type PublicationRecord } from '../../src/publish/index.ts';
import { silentEffects, TEST_LOAD } from '../support/effects.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'luotain-publish-'));
const at = (...parts: string[]) => join(scratch, ...parts);
const read = (...parts: string[]) => readFileSync(at(...parts), 'utf8');
const record = (): PublicationRecord => parseRecord(read('reports/2025/publication.json'), 'p', 2025).record!;
const run = async (...argv: string[]) => {
  const effects = silentEffects({ cwd: scratch });
  const code = await main(argv, effects);
  return { code, out: effects.output, err: effects.errors };
};
const load = () => loadReport({ dataDir: 'data', reportsDir: 'reports', cwd: scratch, ...TEST_LOAD });
const PDF_FI = 'kaukovesi-maine-2025-fi-v1.0.pdf';
/** The note of a correction in each of the sample's languages. */
const NOTES = ['--note-fi', 'Korjattu', '--note-sv', 'Korrigerad', '--note-en', 'Corrected'];

beforeAll(() => {
  cpSync(join(ROOT, 'data'), at('data'), { recursive: true });
  cpSync(join(ROOT, 'reports'), at('reports'), { recursive: true });
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('luotain publish', () => {
  it('an edition without a record is a draft and never the latest', async () => {
    rmSync(at('reports/2025/publication.json'));
    for (const lang of ['fi', 'en']) {
      const file = at('reports/2025', lang, 'index.md');
      writeFileSync(file, readFileSync(file, 'utf8').replace('status: published', 'status: draft'));
    }
    const { model, issues } = await load();
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(model!.editions.map((e) => [e.year, e.status])).toEqual([
      [2022, 'published'],
      [2023, 'published'],
      [2024, 'published'],
      [2025, 'draft'],
    ]);
    expect(model!.latestYear).toBe(2024);
  });

  it('publishes: writes the record, marks the editorial files published, and the model follows', async () => {
    const { code, out, err } = await run('publish', '2025', '--date', '2025-03-13');
    expect(code).toBe(0);
    expect(err.filter((l) => l.startsWith('error'))).toEqual([]);
    const r = record();
    expect(out).toEqual([`Published edition 2025 as version 1.0 (2025-03-13): ${Object.keys(r.current.figures).length} figures recorded in reports/2025/publication.json.`]);
    expect(r.current).toMatchObject({ version: '1.0', published: '2025-03-13', toolVersion: '0.1.0' });
    expect(r.history).toEqual([]);
    // The record names its study, as the committed one does.
    expect(r.study).toBe('kaukovesi-maine');
    expect(read('reports/2025/publication.json').slice(0, 50)).toBe(readFileSync(join(ROOT, 'reports/2025/publication.json'), 'utf8').slice(0, 50));
    // Same responses, benchmarks, date and tool as the record committed with the sample, which
    // was published before the logit interval of shares: the same figures (up to floating-point
    // noise, as the build compares them) and inputs, but the interval bounds of shares, now
    // logit and within 0–1; the new record says so.
    const committed = JSON.parse(readFileSync(join(ROOT, 'reports/2025/publication.json'), 'utf8')) as PublicationRecord;
    const shareBound = /\|(top_box|share_\d+|cant_say|promoters|passives|detractors)\.ci_(low|high)$/;
    // The key drivers' figures are new to the record (the committed one predates them): additions only.
    const diff = diffFigures(committed.current.figures, r.current.figures);
    const driverAdditions = diff.filter((c) => c.old === undefined && c.key.includes('|driver.'));
    expect(driverAdditions.length).toBeGreaterThan(0);
    const changed = diff.filter((c) => !driverAdditions.includes(c));
    expect(changed.filter((c) => !shareBound.test(c.key) || c.old === undefined || c.new === undefined)).toEqual([]);
    expect(changed.length).toBeGreaterThan(1000);
    expect(changed.every((c) => Number(c.new) >= 0 && Number(c.new) <= 1)).toBe(true);
    expect(changed.some((c) => Number(c.old) < 0)).toBe(true);
    expect(committed.current.methods).toBeUndefined();
    expect(r.current.methods).toEqual({ shareInterval: 'logit' });
    expect(r.current.inputs).toEqual(committed.current.inputs);
    for (const lang of ['fi', 'en']) {
      const text = read('reports/2025', lang, 'index.md');
      expect(text).toBe(readFileSync(join(ROOT, 'reports/2025', lang, 'index.md'), 'utf8'));
      expect(text).toContain('\nstatus: published\nversion: "1.0"\npublished: 2025-03-13\n');
    }
    const { model } = await load();
    expect(model!.editions[3]).toMatchObject({ year: 2025, status: 'published', version: '1.0', published: '2025-03-13', history: [] });
    expect(model!.latestYear).toBe(2025);
  });

  it('a changed answer fails compute with the changed figures, old → new', async () => {
    const published = record().current.figures;
    const file = at('data/2025/responses.csv');
    const lines = readFileSync(file, 'utf8').split('\n');
    // The first respondent's gov1 (the 7th column) from 4 to 1.
    const cells = lines[1]!.split(',');
    expect(cells[6]).toBe('4');
    cells[6] = '1';
    lines[1] = cells.join(',');
    writeFileSync(file, lines.join('\n'));

    const json = at('model.json');
    const { code, err } = await run('compute', '--out', json);
    expect(code).toBe(1);
    expect(existsSync(json)).toBe(false);
    const error = err.find((l) => l.startsWith('error: reports/2025/publication.json: '))!;
    const [first, ...changes] = error.split('\n');
    expect(first).toMatch(
      /^error: reports\/2025\/publication\.json: edition 2025 was published as version 1\.0 on 2025-03-13, but \d+ of its figures are now different \(changed inputs: responses\):$/,
    );
    const listed = changes.filter((l) => /^ {4}\S+: /.test(l));
    expect(listed).toHaveLength(40);
    expect(changes).toContain(listed[39]);
    expect(changes.some((l) => /^ {4}… and \d+ more$/.test(l))).toBe(true);
    // Total figures first, each with the recorded value and the new one.
    const gov1 = listed.find((l) => l.startsWith('    total|total|gov1|mean.estimate: '))!;
    const [, old, now] = /: (\S+) → (\S+)$/.exec(gov1)!;
    expect(old).toBe(published['total|total|gov1|mean.estimate']);
    expect(Number(now)).toBeLessThan(Number(old));
    expect(listed.every((l) => l.startsWith('    total|'))).toBe(true);
    expect(error).toContain(
      '  → If the change is a correction, publish it as a new version: luotain publish 2025 --version <next> --note-fi "what was corrected" --note-sv "what was corrected" --note-en "what was corrected". Otherwise restore the inputs of version 1.0.',
    );
  });

  it('refuses to publish again without a version, a version not higher, or a correction without a note', async () => {
    const before = read('reports/2025/publication.json');
    const again = await run('publish', '2025');
    expect(again.code).toBe(1);
    expect(again.err.at(-1)).toBe(
      'Edition 2025 is already published as version 1.0. To publish a correction, give a higher --version and the note saying what changed (--note-fi "…" --note-sv "…" --note-en "…").',
    );
    const same = await run('publish', '2025', '--version', '1.0', ...NOTES);
    expect(same.code).toBe(1);
    expect(same.err.at(-1)).toBe('Version 1.0 is not higher than the published version 1.0 of edition 2025.');
    const noNote = await run('publish', '2025', '--version', '1.1');
    expect(noNote.code).toBe(1);
    expect(noNote.err.at(-1)).toBe('A correction needs a note saying what changed since version 1.0: --note-fi "…" --note-sv "…" --note-en "…".');
    const badVersion = await run('publish', '2025', '--version', 'v2', ...NOTES);
    expect(badVersion.code).toBe(2);
    expect(badVersion.err.at(-1)).toMatch(/^luotain publish: --version "v2" is not a version like 1\.0 or 1\.1\nUsage: luotain publish YEAR /);
    // A year that no edition can have (as init and new-edition take them) is a usage error, not a missing edition.
    const badYear = await run('publish', '1800');
    expect(badYear.code).toBe(2);
    expect(badYear.err.at(-1)).toMatch(/^luotain publish: give the edition year, four digits from 1900 to 2999/);
    expect(read('reports/2025/publication.json')).toBe(before);
    expect(existsSync(at('reports/2025/pdf'))).toBe(false);
  });

  it('a correction of a study in three languages needs its note in each: one --note, a missing language or a foreign one is a usage error', async () => {
    const before = read('reports/2025/publication.json');
    const cases: [string[], string][] = [
      [['--note', 'Corrected'], '--note gives the note in one language, but the study is in fi, sv and en: give it in each, --note-fi, --note-sv and --note-en'],
      [['--note-fi', 'Korjattu', '--note-en', 'Corrected'], "the note is missing in sv: the study is in fi, sv and en, and each language's pages show the note in their own language; add --note-sv"],
      [['--note-en', 'Corrected'], "the note is missing in fi and sv: the study is in fi, sv and en, and each language's pages show the note in their own language; add --note-fi and --note-sv"],
      [
        ['--note-fi', 'Korjattu', '--note-sv', '  ', '--note-en', 'Corrected'],
        "the note is missing in sv: the study is in fi, sv and en, and each language's pages show the note in their own language; add --note-sv",
      ],
    ];
    for (const [notes, message] of cases) {
      const result = await run('publish', '2025', '--version', '1.1', ...notes);
      expect(result.code).toBe(2);
      expect(result.err.at(-1)!.split('\n')[0]).toBe(`luotain publish: ${message}`);
    }
    expect(read('reports/2025/publication.json')).toBe(before);
  });

  it('publishes a correction: history keeps 1.0, its PDF is archived, and compute passes again', async () => {
    mkdirSync(at('dist/pdf'), { recursive: true });
    writeFileSync(at('dist/pdf', PDF_FI), '%PDF-1.7 fake version 1.0');
    const { code, out, err } = await run('publish', '2025', '--version', '1.1', ...NOTES, '--date', '2025-04-01');
    expect(code).toBe(0);
    expect(out[0]).toBe(`Archived ${PDF_FI}`);
    expect(err).toContain(
      `warning: ${at('dist/pdf/kaukovesi-maine-2025-en-v1.0.pdf')} does not exist, so the PDF of version 1.0 (en) cannot be archived; build before publishing a correction to keep it.`,
    );
    expect(readFileSync(at('reports/2025/pdf', PDF_FI), 'utf8')).toBe('%PDF-1.7 fake version 1.0');
    const r = record();
    expect(r.current).toMatchObject({ version: '1.1', published: '2025-04-01', note: { fi: 'Korjattu', sv: 'Korrigerad', en: 'Corrected' } });
    expect(read('reports/2025/publication.json')).toContain('"note": {\n      "fi": "Korjattu",\n      "sv": "Korrigerad",\n      "en": "Corrected"\n    },');
    expect(r.history).toHaveLength(1);
    expect(r.history[0]).toMatchObject({ version: '1.0', published: '2025-03-13' });
    expect(r.history[0]).not.toHaveProperty('figures');
    expect(r.history[0]!.inputs.responses).not.toBe(r.current.inputs.responses);
    expect(read('reports/2025/en/index.md')).toContain('\nstatus: published\nversion: "1.1"\npublished: 2025-04-01\n');

    const compute = await run('compute', '--csv', at('after.csv'));
    expect(compute.code).toBe(0);
    expect(compute.err.filter((l) => l.startsWith('error'))).toEqual([]);
    const { model } = await load();
    expect(model!.editions[3]).toMatchObject({
      version: '1.1',
      published: '2025-04-01',
      note: { fi: 'Korjattu', sv: 'Korrigerad', en: 'Corrected' },
      history: [{ version: '1.0', published: '2025-03-13', pdf: { fi: `/pdf/${PDF_FI}` } }],
    });
  });
});
