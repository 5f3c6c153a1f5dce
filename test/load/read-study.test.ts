import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readStudy } from '../../src/load/read-study.ts';
import { FIXTURES, okRows, csv, shown } from './helpers.ts';

const CWD = join(FIXTURES, '..', '..', '..'); // the project root, so names read test/fixtures/load/…
const DIR = 'test/fixtures/load';

/** SHA-256 of a file read whole, to check the one taken while streaming. */
function fileHash(path: string): string {
  return createHash('sha256')
    .update(readFileSync(join(CWD, path)))
    .digest('hex');
}

describe('readStudy', () => {
  it('reads a good study folder, naming files relative to the folder as given', async () => {
    const progress: [string, number][] = [];
    const load = await readStudy(`${DIR}/good/`, { cwd: CWD, onProgress: (file, fraction) => progress.push([file, fraction]) });
    expect(load.issues).toEqual([]);
    expect(load.study?.id).toBe('fixture');
    expect(load.editions.map((e) => [e.year, e.file, e.n])).toEqual([
      [2023, `${DIR}/good/2023/responses.csv`, 18],
      [2024, `${DIR}/good/2024/responses.csv`, 24],
    ]);
    expect(load.files).toEqual([
      { year: 2023, file: `${DIR}/good/2023/responses.csv`, rows: { read: 18, used: 18, rejected: 0 }, loaded: true, sha256: fileHash(`${DIR}/good/2023/responses.csv`) },
      { year: 2024, file: `${DIR}/good/2024/responses.csv`, rows: { read: 24, used: 24, rejected: 0 }, loaded: true, sha256: fileHash(`${DIR}/good/2024/responses.csv`) },
    ]);
    expect(load.benchmarks).toHaveLength(3);
    expect(progress).toEqual([
      [`${DIR}/good/2023/responses.csv`, 0],
      [`${DIR}/good/2023/responses.csv`, 1],
      [`${DIR}/good/2024/responses.csv`, 0],
      [`${DIR}/good/2024/responses.csv`, 1],
    ]);
  });

  it('collects the problems of every file', async () => {
    const load = await readStudy(`${DIR}/bad`, { cwd: CWD });
    expect(load.study).toBeDefined();
    expect(load.editions).toEqual([]);
    expect(load.benchmarks).toEqual([]);
    expect(load.files).toEqual([{ year: 2024, file: `${DIR}/bad/2024/responses.csv`, rows: { read: 5, used: 1, rejected: 4 }, loaded: false, sha256: fileHash(`${DIR}/bad/2024/responses.csv`) }]);
    expect(shown(load.issues).map((m) => m.split('\n')[0])).toEqual([
      `error: ${DIR}/bad/2024/responses.csv:3: column "group": value "X" is not a group code in study.json (the codes are "A", "B", "C")`,
      `error: ${DIR}/bad/2024/responses.csv:4: column "int3": value "7" is outside the scale 1–5 and is not a can't-say code (6)`,
      `error: ${DIR}/bad/2024/responses.csv:5: column "resp_id": value "b1" is the same respondent id as on line 2`,
      `error: ${DIR}/bad/2024/responses.csv:6: column "weight": value "0" is zero; weights must be positive`,
      `error: ${DIR}/bad/2025/responses.csv: missing file`,
      `error: ${DIR}/bad/benchmarks.csv:3: column "indicator": value "int9" is not an indicator of the study (the ids are "rep", "trust", "service", "int1", "int2", "int3", "q4", "nps")`,
    ]);
  });

  it('study.json problems come with their JSON path', async () => {
    const load = await readStudy(`${DIR}/bad-study`, { cwd: CWD });
    expect(load.study).toBeUndefined();
    expect(load.editions).toEqual([]);
    expect(shown(load.issues)).toEqual([`error: ${DIR}/bad-study/study.json: dimensions[0].items[1]: unknown item "int9"`]);
  });

  it('a missing study folder', async () => {
    const load = await readStudy('nowhere', { cwd: CWD });
    expect(shown(load.issues)).toEqual(['error: nowhere: the study folder does not exist\n  → Give the folder with study.json and the year folders, with --data DIR (default data/).']);
  });

  describe('in a scratch folder', () => {
    const root = mkdtempSync(join(tmpdir(), 'luotain-load-'));
    afterAll(() => rmSync(root, { recursive: true, force: true }));

    it('a missing study.json, no year folders, an invalid JSON', async () => {
      mkdirSync(join(root, 'empty'));
      expect(shown((await readStudy('empty', { cwd: root })).issues).map((m) => m.split('\n')[0])).toEqual([
        'error: empty/study.json: missing file',
        'error: empty: no edition folders: the study folder has no folder named by a year (like 2024/)',
      ]);
      mkdirSync(join(root, 'broken/2024'), { recursive: true });
      writeFileSync(join(root, 'broken/study.json'), '{ "id": ');
      writeFileSync(join(root, 'broken/2024/responses.csv'), 'x\n');
      const load = await readStudy('broken', { cwd: root });
      expect(load.issues).toHaveLength(1);
      expect(load.issues[0].path).toBe('(file)');
      expect(load.issues[0].message).toMatch(/^not valid JSON: /);
    });

    it('a year folder with a wrongly named file, and a Windows-1252 file', async () => {
      // With quotes published, so that the open answers are kept.
      const definition = JSON.parse(readFileSync(join(FIXTURES, 'study.json'), 'utf8'));
      definition.nps.quotes = { publish: true };
      mkdirSync(join(root, 'study'), { recursive: true });
      writeFileSync(join(root, 'study/study.json'), JSON.stringify(definition));
      mkdirSync(join(root, 'study/2023'), { recursive: true });
      mkdirSync(join(root, 'study/2024'), { recursive: true });
      mkdirSync(join(root, 'study/old'), { recursive: true });
      writeFileSync(join(root, 'study/2023/Responses 2023.csv'), 'x\n');
      const text = csv(...okRows(15)).replace(',,1,muu', ',Hyvä ja nöyrä,1,muu');
      writeFileSync(join(root, 'study/2024/responses.csv'), Buffer.from(text, 'latin1'));
      const load = await readStudy('study', { cwd: root });
      expect(shown(load.issues)).toEqual([
        'error: study/2023/responses.csv: missing file\n  → The folder has "Responses 2023.csv"; the responses must be in a file named exactly responses.csv, responses.sav or responses.xlsx.',
        'warning: study/2024/responses.csv: the file is not valid UTF-8, so it was read as Windows-1252 (Latin-1)\n  → Check that letters such as ä and ö look right in the report; to be sure, save the file as "CSV UTF-8".',
      ]);
      expect(load.editions.map((e) => e.year)).toEqual([2024]);
      expect(load.editions[0].quoteCandidates![0]).toEqual([{ id: 'r1', text: 'Hyvä ja nöyrä' }]);
    });
  });
});
