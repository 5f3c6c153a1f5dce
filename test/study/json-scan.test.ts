import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanJson } from '../../src/study/json-scan.ts';

const accepts = (text: string) => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

describe('scanJson', () => {
  it('accepts exactly what JSON.parse accepts: valid documents', () => {
    fc.assert(
      fc.property(fc.json(), (text) => {
        expect(scanJson(text).ok).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('accepts exactly what JSON.parse accepts: documents with a character changed, added or removed', () => {
    const alphabet = fc.constantFrom(...'{}[]",:\\/ \t\n\r0123456789.eE+-truefalsnl\'ux\u0001a'.split(''));
    const edit = fc.record({ at: fc.nat(), kind: fc.constantFrom('replace', 'insert', 'delete'), c: alphabet });
    fc.assert(
      fc.property(fc.json(), fc.array(edit, { minLength: 1, maxLength: 3 }), (json, edits) => {
        let text = json;
        for (const e of edits) {
          const at = text.length === 0 ? 0 : e.at % text.length;
          text = e.kind === 'insert' ? text.slice(0, at) + e.c + text.slice(at) : text.slice(0, at) + (e.kind === 'replace' ? e.c : '') + text.slice(at + 1);
        }
        expect(scanJson(text).ok).toBe(accepts(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('accepts exactly what JSON.parse accepts: short strings of JSON characters', () => {
    const alphabet = fc.constantFrom(...'{}[]",: 0123456789.eE+-\\u'.split(''), 'true', 'null', '"a"', '"\\u00e4"');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        expect(scanJson(text).ok).toBe(accepts(text));
      }),
      { numRuns: 5000 },
    );
  });

  it('finds every key written twice, and only those, with the lines', () => {
    const text = '{\n  "a": 1,\n  "b": { "x": 1, "y": 2,\n "x": 3 },\n  "c": [ { "k": 1, "k": 2 } ],\n  "\\u0061": 4\n}';
    const scan = scanJson(text);
    expect(scan).toEqual({
      ok: true,
      duplicates: [
        { key: 'x', objectPath: ['b'], line: 4, earlierLines: [3] },
        { key: 'k', objectPath: ['c', 0], line: 5, earlierLines: [5] },
        { key: 'a', objectPath: [], line: 6, earlierLines: [2] },
      ],
    });
  });

  it('counts lines ended by CRLF and by a lone CR as editors do', () => {
    expect(scanJson('{\r\n"a": 1,\r"a": 2\r\n}')).toEqual({ ok: true, duplicates: [{ key: 'a', objectPath: [], line: 3, earlierLines: [2] }] });
  });

  it('reads a document of a million characters in one pass (no backtracking)', () => {
    const text = `{"label": "${'ä '.repeat(500_000)}", "items": [${Array.from({ length: 50_000 }, (_, i) => `{"id": "i${i}"}`).join(',')}]}`;
    expect(scanJson(text)).toEqual({ ok: true, duplicates: [] });
  });
});
