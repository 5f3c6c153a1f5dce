import { CsvScanner } from '../load/csv-scanner.ts';
import { delimiterName, sniffDelimiter } from '../load/delimiter.ts';
import { HeaderLead } from '../load/header-lead.ts';
import { LineEndNormaliser } from '../load/line-ends.ts';
import { sepLine } from '../load/sep-line.ts';
import { TableProfiler } from './column-profile.ts';
import type { TableRead } from './table.ts';

/**
 * A CSV text given in pieces (decoded), summarised column by column: the
 * loader's scanner finds the rows, the delimiter and an Excel "sep=" line as
 * the loader does, so the draft sees the columns `check` will see.
 */
export class CsvTable {
  private readonly lineEnds = new LineEndNormaliser();
  private readonly lead = new HeaderLead();
  private scanner: CsvScanner | undefined;
  private profiler: TableProfiler | undefined;
  private width = 0;
  private rows = 0;
  private readonly badRows: number[] = [];
  private readonly notes: string[] = [];

  push(piece: string): void {
    const text = this.lineEnds.push(piece);
    if (this.scanner) {
      this.scanner.push(text);
      return;
    }
    const lead = this.lead.push(text);
    if (lead !== undefined) this.start(lead);
  }

  end(): TableRead {
    const tail = this.lineEnds.end();
    if (!this.scanner) {
      const text = this.lead.take() + tail;
      if (text.trim() === '') return { format: 'csv', rows: 0, columns: [], notes: [], failure: 'the file is empty' };
      this.start(text);
    } else if (tail !== '') this.scanner.push(tail);
    this.scanner!.end();
    const notes = [...this.notes];
    const bad = this.badRows;
    if (bad.length > 0)
      notes.push(
        `${bad.length} row${bad.length === 1 ? '' : 's'} with a quoting problem or another number of fields than the header were left out of the guesses (line ${bad.slice(0, 5).join(', ')}${bad.length > 5 ? ', …' : ''}); check will name them`,
      );
    if (!this.profiler) return { format: 'csv', rows: 0, columns: [], notes, failure: 'the file has no header row' };
    return { format: 'csv', rows: this.rows, columns: this.profiler.profiles, notes };
  }

  private start(src: string): void {
    const sep = sepLine(src);
    const delimiter = sep?.delimiter ?? sniffDelimiter(sep ? src.slice(sep.end) : src);
    if (delimiter !== ',') this.notes.push(`the delimiter is a ${delimiterName(delimiter)}`);
    this.scanner = new CsvScanner(
      delimiter,
      (fields, line, quote) => {
        if (!this.profiler) {
          const names = fields.map((f) => f.trim());
          this.width = names.length;
          this.profiler = new TableProfiler(names.map((name) => ({ name })));
          return;
        }
        if (quote || fields.length !== this.width) {
          this.badRows.push(line);
          return;
        }
        this.rows++;
        this.profiler.row(fields);
      },
      undefined,
      sep ? { line: sep.line + 1, offset: sep.end } : undefined,
    );
    this.scanner.push(sep ? src.slice(sep.end) : src);
  }
}
