import { existsSync, mkdtempSync, mkdirSync, readdirSync, rmSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import type { Effects } from '../../src/io/effects.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function capture(cwd = ROOT, interactive = false) {
  const out: string[] = [];
  const err: string[] = [];
  const effects: Effects = {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    now: () => new Date('2025-01-01T00:00:00Z'),
    cwd,
    interactive,
    env: {},
  };
  return { effects, out, err, stdout: () => out.join('\n'), stderr: () => err.join('\n') };
}

describe('luotain check', () => {
  it('a good study: exit 0 and a data-quality report per edition', async () => {
    const reports = mkdtempSync(join(tmpdir(), 'luotain-check-reports-'));
    for (const year of ['2023', '2024']) {
      mkdirSync(join(reports, year, 'fi'), { recursive: true });
      writeFileSync(join(reports, year, 'fi', 'index.md'), '---\ntitle: Testi\nstatus: draft\n---\n');
    }
    const c = capture();
    expect(await main(['check', '--data', 'test/fixtures/load/good', '--reports', reports], c.effects)).toBe(0);
    rmSync(reports, { recursive: true, force: true });
    // The fixture's groups of 5 at minBase 5: unequal weights put some figures' effective n below it.
    const warnings = c.err.filter((l) => l.startsWith('warning:'));
    expect(c.err.filter((l) => l.startsWith('error:'))).toEqual([]);
    expect(warnings.every((w) => w.includes('are withheld: the effective sample size of the answers is below minBase 5') || w.includes('is withheld: the effective sample size'))).toBe(true);
    expect(c.stdout()).toBe(`2023  test/fixtures/load/good/2023/responses.csv
  Rows: 18 read, 18 used, 0 rejected

  Group               n  min w  max w  sum w  eff. n  deff
  A      Asiakkaat    8   0.80   0.90    6.5     8.0  1.00
  B      Kumppanit    5   1.10   1.25    6.1     5.0  1.00
  C      Henkilöstö   5   1.50   1.75    7.8     5.0  1.00
  Total              18   0.80   1.75   20.4    16.7  1.08

  Weights: min 0.800, max 1.750, sum 20.4, effective n 16.7, design effect 1.08

  Item  valid n  can't say  missing
  int1       18       0.0%     0.0%
  int2       13      23.5%     5.6%
  int3       17       5.6%     0.0%
  q4         15      16.7%     0.0%
  nps        16          –    11.1%

2024  test/fixtures/load/good/2024/responses.csv
  Rows: 24 read, 24 used, 0 rejected

  Group               n  min w  max w  sum w  eff. n  deff
  A      Asiakkaat   14   0.80   0.90   11.4    14.0  1.00
  B      Kumppanit    5   1.10   1.25    6.1     5.0  1.00
  C      Henkilöstö   5   1.50   1.50    7.5     5.0  1.00
  Total              24   0.80   1.50   25.0    22.3  1.08

  Weights: min 0.800, max 1.500, sum 25.0, effective n 22.3, design effect 1.08

  Item  valid n  can't say  missing
  int1       22       8.3%     0.0%
  int2       18      21.7%     4.2%
  int3       21       8.7%     4.2%
  q4         20       9.1%     8.3%
  nps        19          –    20.8%

Benchmarks: 3 rows

0 errors, ${warnings.length} warnings — 2 editions (2023 draft, 2024 draft) ready to build`);
  });

  it('a bad study: exit 1, errors first with hints, then the summary', async () => {
    const c = capture();
    expect(await main(['check', '--data=test/fixtures/load/bad'], c.effects)).toBe(1);
    expect(c.stderr()).toBe(`error: test/fixtures/load/bad/2024/responses.csv:3: column "group": value "X" is not a group code in study.json (the codes are "A", "B", "C")
  → Correct the code, or add the group to groups in study.json.
error: test/fixtures/load/bad/2024/responses.csv:4: column "int3": value "7" is outside the scale 1–5 and is not a can't-say code (6)
  → Correct the value, or add the code to scale.cantSay in study.json if it means can't say.
error: test/fixtures/load/bad/2024/responses.csv:5: column "resp_id": value "b1" is the same respondent id as on line 2
  → Each respondent id must be unique within an edition: remove the duplicate row or correct the id.
error: test/fixtures/load/bad/2024/responses.csv:6: column "weight": value "0" is zero; weights must be positive
  → Every respondent needs a positive weight; if the data has no weights, remove columns.weight from study.json.
error: test/fixtures/load/bad/2025/responses.csv: missing file
  → Put the edition's responses in responses.csv, responses.sav or responses.xlsx, or remove the empty year folder.
error: test/fixtures/load/bad/benchmarks.csv:3: column "indicator": value "int9" is not an indicator of the study (the ids are "rep", "trust", "service", "int1", "int2", "int3", "q4", "nps")
  → Use the id of an item, dimension or index in study.json, or "nps".

6 errors, 0 warnings — fix the errors and run luotain check again`);
    expect(c.stdout()).toBe(`2024  test/fixtures/load/bad/2024/responses.csv
  Rows: 5 read, 1 used, 4 rejected
  Not loaded: see the errors above.
`);
  });

  it('an invalid study.json', async () => {
    const c = capture();
    expect(await main(['check', '--data', 'test/fixtures/load/bad-study'], c.effects)).toBe(1);
    expect(c.err).toEqual(['error: test/fixtures/load/bad-study/study.json: dimensions[0].items[1]: unknown item "int9"', '', '1 error, 0 warnings — fix the errors and run luotain check again']);
    expect(c.out).toEqual([]);
  });

  it('a missing study folder (the default is data/, resolved against the cwd)', async () => {
    const scratch = mkdtempSync(join(tmpdir(), 'luotain-check-'));
    try {
      const c = capture(scratch);
      expect(await main(['check'], c.effects)).toBe(1);
      expect(c.err[0]).toBe('error: data: the study folder does not exist\n  → Give the folder with study.json and the year folders, with --data DIR (default data/).');
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });

  it('warnings come after the errors', async () => {
    const scratch = mkdtempSync(join(tmpdir(), 'luotain-check-'));
    try {
      cpSync(join(ROOT, 'test/fixtures/load/bad'), join(scratch, 'data'), { recursive: true });
      writeFileSync(join(scratch, 'data/2025/responses.csv'), 'resp_id,group,weight,int1,int2,int3,q4,nps,nps_why,age,region,extra\nr1,A,1,3,4,5,2,8,,1,muu,x\n');
      const c = capture(scratch);
      expect(await main(['check'], c.effects)).toBe(1);
      const severities = c.err.filter((l) => /^(error|warning):/.test(l)).map((l) => l.split(':')[0]);
      expect(severities).toEqual(['error', 'error', 'error', 'error', 'error', 'warning', 'warning', 'warning', 'warning']);
      expect(c.err.at(-1)).toBe('5 errors, 4 warnings — fix the errors and run luotain check again');
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });

  it('shows progress on long files only in an interactive terminal', async () => {
    const scratch = mkdtempSync(join(tmpdir(), 'luotain-check-'));
    try {
      mkdirSync(join(scratch, 'data/2024'), { recursive: true });
      cpSync(join(ROOT, 'test/fixtures/load/study.json'), join(scratch, 'data/study.json'));
      const rows = Array.from({ length: 20000 }, (_, i) => `r${i},${'ABC'[i % 3]},1,3,4,5,2,8,,1,muu`);
      writeFileSync(join(scratch, 'data/2024/responses.csv'), ['resp_id,group,weight,int1,int2,int3,q4,nps,nps_why,age,region', ...rows, ''].join('\n'));
      const tty = capture(scratch, true);
      expect(await main(['check'], tty.effects)).toBe(0);
      expect(tty.out.slice(0, 3)).toEqual(['  reading data/2024/responses.csv: 25%', '  reading data/2024/responses.csv: 50%', '  reading data/2024/responses.csv: 75%']);
      const pipe = capture(scratch, false);
      expect(await main(['check'], pipe.effects)).toBe(0);
      expect(pipe.out.some((l) => l.includes('reading'))).toBe(false);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });

  it('--help documents the options and exit codes; a stray argument is a usage error', async () => {
    const help = capture();
    expect(await main(['check', '--help'], help.effects)).toBe(0);
    expect(help.stdout()).toContain('--data DIR      The study folder (default data/).');
    expect(help.stdout()).toContain('--reports DIR   The editorial folder (default reports/).');
    expect(help.stdout()).toContain('1  errors in the study definition, the data or the editorial files; fix them and run again');
    const usage = capture();
    expect(await main(['check', 'data'], usage.effects)).toBe(2);
    expect(usage.err).toEqual(['luotain check: unexpected argument "data" (a folder is given with an option, e.g. --data data)\nUsage: luotain check [--data DIR] [--reports DIR]']);
    const unknown = capture();
    expect(await main(['check', '--dat', 'x'], unknown.effects)).toBe(2);
  });

  it('writes nothing', async () => {
    const before = readdirSync(join(ROOT, 'test/fixtures/load/good'), { recursive: true }).sort();
    await main(['check', '--data', 'test/fixtures/load/good'], capture().effects);
    expect(readdirSync(join(ROOT, 'test/fixtures/load/good'), { recursive: true }).sort()).toEqual(before);
  });
});

describe('luotain check on the sample study in data/', () => {
  const sample = existsSync(join(ROOT, 'data/study.json'));
  it('exits 0', async () => {
    expect(sample, 'the sample study data/study.json is not there yet').toBe(true);
    const c = capture();
    const code = await main(['check'], c.effects);
    expect(c.err.filter((l) => l.startsWith('error:'))).toEqual([]);
    expect(code).toBe(0);
    expect(c.out.at(-1)).toMatch(/^0 errors, \d+ warnings? — \d+ editions \(\d{4}(, \d{4})*\) ready to build$/);
  });
});
