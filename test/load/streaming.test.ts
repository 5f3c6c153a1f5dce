import { describe, expect, it } from 'vitest';
import { ResponsesParser } from '../../src/load/parse-responses.ts';
import { IdRegistry } from '../../src/load/id-registry.ts';
import { csv, FILE, HEADER, inPieces, ok, okRows, parse, quoting, study } from './helpers.ts';

const clean = ['', HEADER, 'r1,A,1.5,1,5,6,,0,"Hyvä, nopea",1,uusimaa', 'r2,B,0.5,2,,3,4,10,"Kaksi', 'riviä ""lainaus""",,muu', '', 'r3,C,1,6,6,6,6,,,3,', ...okRows(40, 4), ''].join('\r\n');

const broken = [
  HEADER,
  ...okRows(20),
  'r5,A,1,3,4,5,2,8,,1,muu',
  'r30,X,0,7,a,3.5,2,11,,4,mars',
  'r31,A,1,3,4,5,2,8,"a "b" c",1,muu',
  '',
  'r32,A,1,3,4,5,2,8,"Kaksi\rriviä",1,muu',
  'r33,A,1,3',
  'r34,A,1,3,4,5,2,8,"never closed,1,muu',
  ok('r35'),
].join('\n');

describe('ResponsesParser: a text in pieces gives what the whole text gives', () => {
  for (const [name, text] of [
    ['a clean file with CRLF, quotes across lines and empty lines', clean],
    ['a file with every kind of error', broken],
  ] as const) {
    it(name, () => {
      const whole = parse(text, quoting);
      for (const sizes of [[1], [2], [3], [5, 1, 7], [13], [64], [1000]]) {
        expect(inPieces(text, sizes, quoting)).toEqual(whole);
      }
    });
  }

  it('a lone CR at the end of a piece is half of a CRLF only when an LF follows', () => {
    const text = clean.replaceAll('\r\n', '\r');
    expect(inPieces(text, [7])).toEqual(parse(text));
    expect(inPieces(text, [1])).toEqual(parse(text));
  });

  it('a file of white space is empty however it comes', () => {
    expect(inPieces(' \n\t\r\n ', [1])).toEqual(parse(' \n\t\r\n '));
    expect(new ResponsesParser(FILE, 2024, study).end()).toEqual(parse(''));
  });

  it('reports progress by the share of the expected length', () => {
    const text = csv(...okRows(10000));
    const seen: number[] = [];
    const parser = new ResponsesParser(FILE, 2024, study, { expectedLength: text.length, onProgress: (f) => seen.push(f) });
    for (let at = 0; at < text.length; at += 4096) parser.push(text.slice(at, at + 4096));
    expect(parser.end().data!.n).toBe(10000);
    expect(seen.length).toBeGreaterThan(1);
    expect(seen.every((f, i) => f > 0 && f <= 1 && (i === 0 || f > seen[i - 1]))).toBe(true);
  });
});

describe('IdRegistry', () => {
  it('finds every duplicate with the line of the first, past many growths', () => {
    const registry = new IdRegistry();
    for (let i = 0; i < 50000; i++) expect(registry.firstLine(`id-${i}`, i + 2)).toBeUndefined();
    expect(registry.size).toBe(50000);
    for (let i = 0; i < 50000; i += 997) expect(registry.firstLine(`id-${i}`, 99999)).toBe(i + 2);
    expect(registry.firstLine('id-50000', 1)).toBeUndefined();
    expect(registry.firstLine('', 3)).toBeUndefined();
    expect(registry.firstLine('', 4)).toBe(3);
    expect(registry.firstLine('ä€😀', 5)).toBeUndefined();
    expect(registry.firstLine('ä€😀', 6)).toBe(5);
    expect(registry.firstLine('ä€', 7)).toBeUndefined();
  });

  it('keeps every id through reserve, too small or large, amid the doubling', () => {
    const registry = new IdRegistry();
    for (let i = 0; i < 3000; i++) {
      // Out of order from 1000 on, so that the hash table holds ids too.
      const k = i < 1000 ? i : 4000 - i;
      if (i === 500) registry.reserve(1500);
      if (i === 1500) registry.reserve(100);
      if (i === 2000) registry.reserve(20000);
      expect(registry.firstLine(`id-${String(k).padStart(5, '0')}`, i + 2)).toBeUndefined();
    }
    expect(registry.size).toBe(3000);
    for (let i = 0; i < 3000; i += 7) expect(registry.firstLine(`id-${String(i < 1000 ? i : 4000 - i).padStart(5, '0')}`, 1)).toBe(i + 2);
  });
});

describe('readStudy streams big files', () => {
  it('a UTF-8 letter cut by a chunk boundary, and a Windows-1252 byte after the first chunk', async () => {
    const { mkdtempSync, mkdirSync, writeFileSync, rmSync, cpSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { readStudy } = await import('../../src/load/read-study.ts');
    const { FIXTURES } = await import('./helpers.ts');
    const root = mkdtempSync(join(tmpdir(), 'luotain-stream-'));
    try {
      mkdirSync(join(root, 'a/2024'), { recursive: true });
      mkdirSync(join(root, 'b/2024'), { recursive: true });
      const definition = { ...JSON.parse((await import('node:fs')).readFileSync(join(FIXTURES, 'study.json'), 'utf8')) };
      definition.nps.quotes = { publish: true };
      writeFileSync(join(root, 'a/study.json'), JSON.stringify(definition));
      cpSync(join(root, 'a/study.json'), join(root, 'b/study.json'));
      // Rows of 'ä' answers around the boundaries of the pieces read (256 KiB), at every byte offset.
      const rows = Array.from({ length: 40000 }, (_, i) => `r${i},${'ABC'[i % 3]},1,3,4,5,2,8,${'ä'.repeat(i % 5)},1,muu`);
      const text = [HEADER, ...rows, ''].join('\n');
      writeFileSync(join(root, 'a/2024/responses.csv'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]));
      const a = await readStudy(join(root, 'a'));
      expect(a.issues.filter((i) => i.severity === 'error')).toEqual([]);
      expect(a.editions[0].n).toBe(40000);
      // The open answers kept are the rows' own, read whole across the chunk boundaries.
      const kept = a.editions[0].quoteCandidates!.flat();
      expect(kept).toHaveLength(24);
      expect(kept.every(({ id, text }) => text === 'ä'.repeat(Number(id.slice(1)) % 5))).toBe(true);
      // The same in Windows-1252: the first chunk is plain ASCII, the first ä comes later.
      const late = [HEADER, ...rows.map((r, i) => (i < 30000 ? r.replace(/ä+/, '') : r)), ''].join('\n');
      writeFileSync(join(root, 'b/2024/responses.csv'), Buffer.from(late, 'latin1'));
      const b = await readStudy(join(root, 'b'));
      expect(b.issues.map((i) => i.message)).toEqual(['the file is not valid UTF-8, so it was read as Windows-1252 (Latin-1)']);
      const keptLate = b.editions[0].quoteCandidates!.flat();
      expect(keptLate).toHaveLength(24);
      expect(keptLate.every(({ id, text }) => Number(id.slice(1)) >= 30000 && text === 'ä'.repeat(Number(id.slice(1)) % 5))).toBe(true);
      expect(b.editions[0].n).toBe(40000);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
