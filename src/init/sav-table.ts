import { SavCases } from '../load/sav-cases.ts';
import { SavFormatError, SavHeadReader, type SavDictionary } from '../load/sav-dictionary.ts';
import { savNumberText, stringValue, userMissing } from '../load/sav-responses.ts';
import { type ColumnMeta, TableProfiler } from './column-profile.ts';
import type { TableRead } from './table.ts';

/**
 * An SPSS system file given in pieces of bytes, summarised variable by
 * variable with the loader's readers: the dictionary gives each column's
 * variable label, value labels and user-missing values; the cases are read
 * as the loader reads them (numbers as SPSS shows them, user-missing values
 * counted apart).
 */
export class SavTable {
  private readonly head = new SavHeadReader();
  private cases: SavCases | undefined;
  private profiler: TableProfiler | undefined;
  private failure: string | undefined;
  private bytes = 0;

  push(piece: Uint8Array): void {
    if (this.failure) return;
    this.bytes += piece.length;
    if (this.cases) {
      this.cases.push(piece);
      return;
    }
    let found: ReturnType<SavHeadReader['push']>;
    try {
      found = this.head.push(piece);
    } catch (error) {
      if (!(error instanceof SavFormatError)) throw error;
      this.failure = error.message;
      return;
    }
    if (!found) return;
    this.start(found.dict);
    this.cases!.push(found.data);
  }

  end(): TableRead {
    const failure = this.failure ?? (this.bytes === 0 ? 'the file is empty' : !this.cases ? 'the file ends before its dictionary (the list of variables) does' : undefined);
    if (failure || !this.profiler || !this.cases) return { format: 'sav', rows: 0, columns: [], notes: [], failure: failure ?? 'the file has no variables' };
    return { format: 'sav', rows: this.cases.count, columns: this.profiler.profiles, notes: [] };
  }

  private start(dict: SavDictionary): void {
    const { variables, sysmis, littleEndian } = dict;
    const text = (v: number | string) => (typeof v === 'number' ? savNumberText(v) : v);
    const metas: ColumnMeta[] = variables.map((v) => ({
      label: v.label,
      valueLabels: new Map([...v.labels].map(([value, label]) => [text(value), label])),
      missing: { values: v.missing.values.map(text), ...(v.missing.range ? { range: v.missing.range } : {}) },
      numeric: v.width === 0,
    }));
    const profiler = new TableProfiler(variables.map((v, i) => ({ name: v.name, meta: metas[i] })));
    this.profiler = profiler;
    const fields = variables.map(() => '');
    const missing = variables.map(() => false);
    const decoder = new TextDecoder(dict.encoding);
    const cases = new SavCases(dict, () => {
      for (let i = 0; i < variables.length; i++) {
        const v = variables[i];
        missing[i] = false;
        if (v.width === 0) {
          const d = cases.numbers ? cases.numbers[v.segments[0].slot] : cases.view.getFloat64(v.segments[0].slot * 8, littleEndian);
          if (d === sysmis || Number.isNaN(d)) fields[i] = '';
          else if (userMissing(v, d)) missing[i] = true;
          else fields[i] = savNumberText(d);
        } else {
          const s = stringValue(latin, v, decoder);
          if (v.missing.values.length > 0 && userMissing(v, s)) missing[i] = true;
          else fields[i] = s;
        }
      }
      profiler.row(fields, missing);
    });
    const latin = Buffer.from(cases.bytes.buffer, cases.bytes.byteOffset, cases.bytes.byteLength);
    this.cases = cases;
  }
}
