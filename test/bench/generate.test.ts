/**
 * The bench's study is the sample's with extra items: it must stay a valid study
 * as the sample changes (a language added, say), with and without its id column,
 * or `npm run bench` fails on a machine that generates it afresh.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BENCH_HEADER, benchRows, benchStudy } from '../../bench/generate.ts';
import { parseStudy } from '../../src/study/parse.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

describe('the bench study', () => {
  it('is a valid study in every language of the sample, with 40 items, with and without ids', () => {
    const study = benchStudy(ROOT) as { items: unknown[]; columns: Record<string, string> };
    const parsed = parseStudy(JSON.stringify(study));
    expect(parsed.ok ? [] : parsed.problems).toEqual([]);
    expect(study.items).toHaveLength(40);
    delete study.columns.id;
    const withoutIds = parseStudy(JSON.stringify(study));
    expect(withoutIds.ok ? [] : withoutIds.problems).toEqual([]);
  });

  it('has rows as wide as its header', () => {
    for (const row of benchRows(50, 7)) expect(row).toHaveLength(BENCH_HEADER.length);
  });
});
