/** loadReport on a thread of its own gives what loadReport gives: the same model and issues, cloned. */
import { mkdtempSync, rmSync, writeFileSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadReport } from '../../src/pipeline/load-report.ts';
import { loadReportOffThread } from '../../src/pipeline/load-off-thread.ts';
import { readStudyDefinition } from '../../src/load/read-study.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'luotain-off-thread-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('loadReportOffThread', () => {
  it("gives the sample's model and issues exactly as loadReport does", async () => {
    const options = { dataDir: 'data', reportsDir: 'reports', cwd: ROOT, today: '2026-11-29', toolVersion: 'test' };
    const [here, there] = await Promise.all([loadReport(options), loadReportOffThread(options).result]);
    expect(here.model).toBeDefined();
    expect(there.model).toStrictEqual(here.model);
    expect(there.issues).toStrictEqual(here.issues);
  });

  it('gives the input errors of a bad study, and no model', async () => {
    const options = { dataDir: 'test/fixtures/load/bad', reportsDir: join(scratch, 'none'), cwd: ROOT, today: '2026-11-29', toolVersion: 'test' };
    const [here, there] = await Promise.all([loadReport(options), loadReportOffThread(options).result]);
    expect(there.model).toBeUndefined();
    expect(there.issues.filter((i) => i.severity === 'error')).toHaveLength(6);
    expect(there.issues).toStrictEqual(here.issues);
  });
});

describe('loadReportOffThread, cancelled', () => {
  it('stops the thread: the result, not in yet, is an error', async () => {
    const loading = loadReportOffThread({ dataDir: 'data', reportsDir: 'reports', cwd: ROOT, today: '2026-11-29', toolVersion: 'test' });
    await loading.cancel();
    await expect(loading.result).rejects.toThrow('the thread loading the study stopped');
  });
});

describe('readStudyDefinition', () => {
  it("reads study.json alone (the sample's, with its base path if any), and nothing from a folder without a readable one", async () => {
    const sample = await readStudyDefinition('data', ROOT);
    expect(sample?.id).toBe(JSON.parse(readFileSync(join(ROOT, 'data/study.json'), 'utf8')).id);
    const dir = join(scratch, 'study');
    mkdirSync(dir);
    const definition = JSON.parse(readFileSync(join(ROOT, 'data/study.json'), 'utf8'));
    writeFileSync(join(dir, 'study.json'), JSON.stringify({ ...definition, base: '/reports/x/' }));
    expect((await readStudyDefinition(dir))?.base).toBe('/reports/x/');
    writeFileSync(join(dir, 'study.json'), '{ "id": ');
    expect(await readStudyDefinition(dir)).toBeUndefined();
    expect(await readStudyDefinition(join(scratch, 'missing'))).toBeUndefined();
  });
});
