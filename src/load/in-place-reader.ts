import { PlainDecimalReader } from './parse-number.ts';
import type { RowReaderContext } from './row-reader.ts';

/**
 * Reads the common row of responses.csv straight from the text, without a
 * string per field: a plain id (no white space or other characters outside
 * printable ASCII at either end) not seen before, known group and background
 * codes, a weight of digits (with a decimal point or comma), answers of one
 * or two digits or blank. It declines any other row, which RowReader then
 * reads with every check.
 *
 * A row it takes gives exactly what RowReader gives for the same fields (the
 * same values in the store, the id registered, the weight noted), as the
 * property tests show (test/load/row-readers.test.ts); a row it declines has
 * changed nothing but store values that RowReader overwrites.
 */
export class InPlaceReader {
  private readonly context: RowReaderContext;
  private readonly decimal = new PlainDecimalReader();

  constructor(context: RowReaderContext) {
    this.context = context;
  }

  /**
   * Reads the row on `line` whose field k is text[starts[k], ends[k]), with
   * firsts[k] its first character's code (−1 when it is empty), into row
   * `slot` of the store; false when it declines. The row has the header's
   * width.
   */
  read(text: string, starts: Int32Array, ends: Int32Array, firsts: Int32Array, line: number, slot: number): boolean {
    const { rules, positions: at, store } = this.context;
    const quick = rules.quick;

    let idFrom = 0;
    let idTo = 0;
    if (at.id >= 0) {
      idFrom = starts[at.id];
      idTo = ends[at.id];
      if (idTo <= idFrom) return false;
      const c0 = text.charCodeAt(idFrom);
      const c1 = text.charCodeAt(idTo - 1);
      if (c0 <= 32 || c0 >= 127 || c1 <= 32 || c1 >= 127) return false;
    }

    let g = 0;
    if (at.group >= 0) {
      g = rules.groupExact.match(text, starts[at.group], ends[at.group]);
      if (g < 0) return false;
    }

    let w = 1;
    let weightMark = -1;
    if (at.weight >= 0) {
      w = this.decimal.read(text, starts[at.weight], ends[at.weight]);
      if (!(w > 0)) return false;
      weightMark = this.decimal.mark;
    }

    const items = at.items;
    const codes = store.codes;
    for (let k = 0; k < items.length; k++) {
      const pos = items[k];
      let code = 0;
      if (pos >= 0) {
        const from = starts[pos];
        const n = ends[pos] - from;
        if (n === 1) {
          const d = firsts[pos] - 48;
          if (d < 0 || d > 9) return false;
          code = quick[d];
          if (code === 0) return false;
        } else if (n === 2) {
          const d = text.charCodeAt(from) - 48;
          const e = text.charCodeAt(from + 1) - 48;
          if (d < 0 || d > 9 || e < 0 || e > 9) return false;
          code = quick[d * 10 + e];
          if (code === 0) return false;
        } else if (n !== 0) return false;
      }
      codes[k][slot] = code;
    }

    let npsValue = -1;
    if (at.nps >= 0 && store.nps) {
      const from = starts[at.nps];
      const n = ends[at.nps] - from;
      if (n === 1) {
        npsValue = firsts[at.nps] - 48;
        if (npsValue < 0 || npsValue > 9) return false;
      } else if (n === 2) {
        const d = text.charCodeAt(from) - 48;
        const e = text.charCodeAt(from + 1) - 48;
        if (d < 0 || d > 9 || e < 0 || e > 9 || d * 10 + e > 10) return false;
        npsValue = d * 10 + e;
      } else if (n !== 0) return false;
    }

    const background = at.background;
    const backgroundCodes = store.background;
    for (let k = 0; k < background.length; k++) {
      const pos = background[k];
      let value = -1;
      if (pos >= 0) {
        const from = starts[pos];
        const to = ends[pos];
        if (to > from) {
          value = rules.backgroundExact[k].match(text, from, to);
          if (value < 0) return false;
        }
      }
      backgroundCodes[k][slot] = value;
    }

    // Last, as it registers the id: a repeated one is left to RowReader, which finds it again.
    if (at.id >= 0 && this.context.ids.firstLineAt(text, idFrom, idTo, line) !== undefined) return false;

    if (at.weight >= 0) {
      const weights = this.context.weights;
      weights.total++;
      if (weightMark >= 0) weights.noteAt(text, starts[at.weight], ends[at.weight], weightMark, line);
    }
    store.group[slot] = g;
    store.weight[slot] = w;
    if (store.nps) store.nps[slot] = npsValue;
    return true;
  }
}
