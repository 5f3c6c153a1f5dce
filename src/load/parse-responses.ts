import type { Study } from '../study/schema.ts';
import { CANT_SAY, MAX_SCALE_POINTS, type EditionData, type InputIssue, type ItemAnswers } from './types.ts';
import { CsvScanner, delimiterName, IssueList, joinAnd, LineEndNormaliser, quoteMessage, parseNumber, percent, quoteList, readHeader, sepLine, sepLineIssue, sniffDelimiter } from './csv.ts';
import { IdRegistry } from './id-registry.ts';
import { RowRegistry } from './row-registry.ts';
import { GROUPED_HINT, groupedWeight, WeightFormats } from './weight-format.ts';
import { QuoteSampler } from './quote-sample.ts';

/** Rows accounting of one file: read = used + rejected. */
export type RowCounts = EditionData['rows'];

export interface ParseResponsesResult {
  /** The edition's data; undefined when there is any error. */
  data?: EditionData;
  /** Errors first (at most 50 listed, then "… and N more problems"), then warnings. */
  issues: InputIssue[];
  /** Rows accounting, also when the data is refused. */
  rows: RowCounts;
}

export interface ParseResponsesOptions {
  /** Called now and then with the share of the text parsed so far. */
  onProgress?: (fraction: number) => void;
  /**
   * The length of the whole text in characters (for a file, its size in
   * bytes is close enough), when it is given in pieces: sizes the columns up
   * front and makes onProgress's shares.
   */
  expectedLength?: number;
  /** How many errors to list before "… and N more problems" (default 50). */
  maxErrors?: number;
}

/** A column the study definition needs, with its role for messages. */
interface Needed {
  column: string;
  role: string;
}

const FIX_COLUMN = 'Add the column to the file, or correct the column name in study.json.';

/** The fields of a row that is a plain non-negative integer of one or two digits, else -1. */
function smallInt(s: string): number {
  const n = s.length;
  if (n === 1) {
    const a = s.charCodeAt(0) - 48;
    return a >= 0 && a <= 9 ? a : -1;
  }
  if (n === 2) {
    const a = s.charCodeAt(0) - 48;
    const b = s.charCodeAt(1) - 48;
    return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
  }
  return -1;
}

/**
 * Parses one edition's responses.csv text against the study definition.
 * Every problem is collected; any error (a rejected row included) refuses the
 * whole file, so rows are never dropped silently. Answers are stored in typed
 * arrays, with no object per row. The text is the decoded file (see
 * decodeText); for a file read piece by piece use ResponsesParser.
 *
 * An Excel "sep=;" first line names the delimiter and is not the header (see
 * sepLine); line numbers stay the file's. Weights written with thousands
 * separators are errors by the rule of WeightFormats. Without an id column,
 * rows that repeat an earlier row exactly are counted in a warning (see
 * RowRegistry).
 */
export function parseResponses(text: string, file: string, year: number, study: Study, options: ParseResponsesOptions = {}): ParseResponsesResult {
  const parser = new ResponsesParser(file, year, study, { ...options, expectedLength: options.expectedLength ?? text.length });
  parser.push(text);
  return parser.end();
}

/**
 * parseResponses for a text given in pieces (as a file stream is decoded):
 * push() each piece, then end(). Only the unfinished last row of a piece is
 * kept between pieces. The result is the same however the text is cut.
 */
export class ResponsesParser {
  private readonly study: Study;
  private readonly file: string;
  private readonly year: number;
  private readonly options: ParseResponsesOptions;
  private readonly issues: IssueList;
  private readonly rows: RowCounts = { read: 0, used: 0, rejected: 0 };
  private readonly lineEnds = new LineEndNormaliser();
  /**
   * Text held back, as pushed, until the header line is whole (to find the
   * delimiter): the first line that is not blank, or the one after it when
   * that is an Excel "sep=" line. Each piece is looked at once.
   */
  private lead: string[] = [];
  /** Lines of the lead that are not blank and whole, how many it needs, and whether the line being read is not blank so far. */
  private leadLines = 0;
  private leadNeed = 1;
  private leadContent = false;
  private scanner?: CsvScanner;
  private finish?: () => ParseResponsesResult;

  constructor(file: string, year: number, study: Study, options: ParseResponsesOptions = {}) {
    this.study = study;
    this.file = file;
    this.year = year;
    this.options = options;
    this.issues = new IssueList(file, options.maxErrors ?? 50);
  }

  /** Parses the next piece of the text. */
  push(piece: string): void {
    const text = this.lineEnds.push(piece);
    if (this.scanner) {
      this.scanner.push(text);
      return;
    }
    this.lead.push(text);
    if (!this.leadComplete(text)) return;
    const lead = this.lead.join('');
    this.lead = [];
    this.start(lead);
  }

  /** Whether, with `text` (the last piece of the lead), the lead holds its header line whole. */
  private leadComplete(text: string): boolean {
    let i = 0;
    while (i < text.length) {
      if (!this.leadContent) {
        NEWLINE_OR_CONTENT.lastIndex = i;
        const m = NEWLINE_OR_CONTENT.exec(text);
        if (!m) return false;
        i = m.index + 1;
        if (m[0] !== '\n') this.leadContent = true;
        continue;
      }
      const nl = text.indexOf('\n', i);
      if (nl < 0) return false;
      i = nl + 1;
      this.leadContent = false;
      if (++this.leadLines === 1) {
        const joined = this.lead.join('');
        this.lead = [joined];
        if (sepLine(joined)) this.leadNeed = 2;
      }
      if (this.leadLines >= this.leadNeed) return true;
    }
    return false;
  }

  /** Parses the rest and returns the result. */
  end(): ParseResponsesResult {
    const tail = this.lineEnds.end();
    if (!this.scanner) {
      const text = this.lead.join('') + tail;
      this.lead = [];
      const sep = sepLine(text);
      if ((sep ? text.slice(sep.end) : text).trim() === '') {
        this.issues.error({ message: 'the file is empty', hint: 'Export the responses with a header row of column names and one row per respondent.' });
        return { issues: this.issues.all(), rows: this.rows };
      }
      this.start(text);
    } else if (tail !== '') this.scanner.push(tail);
    return this.finish!();
  }

  private progress(): void {
    const total = this.options.expectedLength;
    if (!this.options.onProgress || !total || !this.scanner) return;
    this.options.onProgress(Math.min(1, this.scanner.consumed / total));
  }

  /** Sets up the columns once the delimiter is known and parses the first text. */
  private start(src: string): void {
    const { study, issues, rows, file, year } = this;
    // Excel's "sep=;" line names the delimiter and is not the header; lines keep their numbers in the file.
    const sep = sepLine(src);
    const delimiter = sep?.delimiter ?? sniffDelimiter(sep ? src.slice(sep.end) : src);
    if (sep && !sep.delimiter) issues.error(sepLineIssue(sep));
    const decimalComma = delimiter !== ',';
    const { id: idCol, group: groupCol, weight: weightCol } = study.columns;
    const { min: scaleMin, max: scaleMax } = study.scale;
    const cantSayCodes = new Set(study.scale.cantSay);
    const cantSayText = study.scale.cantSay.join(', ');
    const groupIndex = new Map(study.groups.map((g, i) => [g.code, i]));
    const groupCodes = study.groups.map((g) => g.code);
    const itemIds = study.items.map((x) => x.id);
    const nItems = itemIds.length;
    const nBackground = study.background.length;
    const backgroundIndex = study.background.map((b) => new Map(b.values.map((v, i) => [v.code, i])));
    // Open answers are offered as quote candidates only when quotes are published; a bounded sample is kept.
    // Without a group column everyone is in group 0, and without an id column a row is known by its line.
    const quotes = study.nps?.quotes?.publish === true ? new QuoteSampler(Math.max(1, study.groups.length), study.nps.quotes.perGroup) : undefined;
    const lineId = (line: number) => String(line).padStart(10, '0');
    // Fast lookup of one- and two-digit answers: the code to store, or 0 to take the slow path.
    const quick = new Uint8Array(100);
    for (let v = 0; v < 100; v++) quick[v] = cantSayCodes.has(v) ? CANT_SAY : v >= scaleMin && v <= scaleMax ? v - scaleMin + 1 : 0;
    if (scaleMax - scaleMin + 1 > MAX_SCALE_POINTS) {
      issues.error({
        message: `the scale ${scaleMin}–${scaleMax} has ${scaleMax - scaleMin + 1} points; at most ${MAX_SCALE_POINTS} are supported`,
        hint: 'Correct scale.min and scale.max in study.json.',
      });
    }

    const needed: Needed[] = [
      ...(idCol ? [{ column: idCol, role: 'the respondent id (columns.id)' }] : []),
      ...(groupCol ? [{ column: groupCol, role: 'the group code (columns.group)' }] : []),
      ...(weightCol ? [{ column: weightCol, role: 'the weight (columns.weight)' }] : []),
      ...itemIds.map((x) => ({ column: x, role: 'an item' })),
      ...(study.nps ? [{ column: study.nps.column, role: 'the NPS question (nps.column)' }] : []),
      ...(study.nps?.reason ? [{ column: study.nps.reason, role: 'the NPS reason (nps.reason)' }] : []),
      ...study.background.map((b) => ({ column: b.column, role: `background variable "${b.id}"` })),
    ];

    // Column positions; -1 when missing (the rows are still checked for the rest).
    let width = 0;
    let header: string[] = [];
    let iId = -1;
    let iGroup = -1;
    let iWeight = -1;
    let iNps = -1;
    let iReason = -1;
    const iItems = new Int32Array(nItems).fill(-1);
    const iBackground = new Int32Array(nBackground).fill(-1);

    // Growing columns. With the text's length known, the first growth goes
    // straight to the expected number of rows (from the rows read so far).
    let cap = 1024;
    let group = new Uint16Array(cap);
    let weight = new Float64Array(cap);
    let codes = itemIds.map(() => new Uint8Array(cap));
    let nps = study.nps ? new Int8Array(cap) : undefined;
    let background = study.background.map(() => new Int16Array(cap));
    const grow = () => {
      let next = cap * 2;
      const total = this.options.expectedLength;
      const consumed = this.scanner?.consumed ?? 0;
      if (total && consumed > 0 && rows.read > 0) next = Math.max(next, Math.ceil(((total / consumed) * rows.read) * 1.02) + 16);
      cap = next;
      const more = <T extends Uint8Array | Int8Array | Uint16Array | Int16Array | Float64Array>(a: T): T => {
        const b = new (a.constructor as new (n: number) => T)(cap);
        b.set(a);
        return b;
      };
      group = more(group);
      weight = more(weight);
      codes = codes.map(more);
      if (nps) nps = more(nps);
      background = background.map(more);
    };

    const registry = new IdRegistry();
    // Without ids a row exported twice would count twice: repeated rows are found by their hash.
    const repeats = idCol ? undefined : new RowRegistry();
    const weightFormats = new WeightFormats(issues.cap);
    let sawHeader = false;
    let headerLine = 1;

    const answerHint = `Correct the value, or add the code to scale.cantSay in study.json if it means can't say.`;
    const numberHint = `Answers must be whole numbers on the scale ${scaleMin}–${scaleMax}${cantSayText ? `, a can't-say code (${cantSayText})` : ''}, or blank for not answered.`;

    const onHeader = (fields: string[], line: number) => {
      headerLine = line;
      const h = readHeader(fields);
      header = h.names;
      width = fields.length;
      for (const d of h.duplicates) {
        issues.error({
          line,
          column: d.name,
          message: `appears more than once in the header (fields ${joinAnd(d.positions)})`,
          hint: 'Rename or remove the extra columns so that each name appears once.',
        });
      }
      const find = (name: string) => h.index.get(name) ?? -1;
      for (const need of needed) {
        if (h.index.has(need.column)) continue;
        const lookalike = h.names.find((n) => n.toLowerCase() === need.column.toLowerCase());
        issues.error({
          line,
          column: need.column,
          message: `is missing from the header; study.json uses it for ${need.role}`,
          hint: lookalike ? `The header has "${lookalike}": column names are case-sensitive, so rename one to match the other.` : FIX_COLUMN,
        });
      }
      iId = idCol ? find(idCol) : -1;
      iGroup = groupCol ? find(groupCol) : -1;
      iWeight = weightCol ? find(weightCol) : -1;
      itemIds.forEach((x, k) => (iItems[k] = find(x)));
      study.background.forEach((b, k) => (iBackground[k] = find(b.column)));
      if (study.nps) iNps = find(study.nps.column);
      if (study.nps?.reason) iReason = find(study.nps.reason);
      const used = new Set(needed.map((n) => n.column));
      const unused = h.names.map((n, i) => (n === '' ? `(unnamed field ${i + 1})` : n)).filter((n) => !used.has(n));
      if (unused.length > 0) {
        issues.warning({
          line,
          message: `${unused.length === 1 ? 'column' : 'columns'} not used by study.json: ${quoteList([...new Set(unused)])}`,
          hint: 'Nothing to do if these are meant to be left out of the report; otherwise add them to study.json.',
        });
      }
    };

    const onRow = (fields: string[], line: number, quote: 'unclosed' | 'malformed' | undefined) => {
      if (!sawHeader) {
        sawHeader = true;
        if (quote) issues.error({ line, ...quoteMessage(quote) });
        onHeader(fields, line);
        return;
      }
      rows.read++;
      if ((rows.read & 4095) === 0) this.progress();
      const before = issues.errorCount;
      if (quote) {
        const i = fields.length - 1;
        issues.error({ line, column: header[i] || `(field ${i + 1})`, ...quoteMessage(quote) });
      } else if (fields.length !== width) {
        issues.error({
          line,
          message: `the row has ${fields.length} fields but the header has ${width}`,
          hint: `Look for a missing or extra ${delimiterName(delimiter)}, or a text answer with a ${delimiterName(delimiter)} that is not in quotes.`,
        });
      }
      if (issues.errorCount > before) {
        rows.rejected++;
        return;
      }
      // The row's values go straight into slot r; a rejected row's are overwritten by the next.
      const r = rows.used;
      const keep = issues.errorCount === 0;
      if (keep && r === cap) grow();

      // The respondent id.
      let id = '';
      if (iId >= 0) {
        id = fields[iId].trim();
        if (id === '') {
          issues.error({ line, column: idCol, message: 'the respondent id is blank', hint: 'Every row needs a respondent id, unique within the edition.' });
        } else {
          const first = registry.firstLine(id, line);
          if (first !== undefined) {
            issues.error({
              line,
              column: idCol,
              value: id,
              message: `value "${id}" is the same respondent id as on line ${first}`,
              hint: 'Each respondent id must be unique within an edition: remove the duplicate row or correct the id.',
            });
          }
        }
      }

      // The group.
      let g = 0;
      if (iGroup >= 0) {
        const code = fields[iGroup].trim();
        const k = groupIndex.get(code);
        if (k !== undefined) g = k;
        else if (code === '') issues.error({ line, column: groupCol, message: 'the group code is blank', hint: 'Every respondent needs a group code from groups in study.json.' });
        else
          issues.error({
            line,
            column: groupCol,
            value: code,
            message: `value "${code}" is not a group code in study.json (the codes are ${quoteList(groupCodes)})`,
            hint: 'Correct the code, or add the group to groups in study.json.',
          });
      }

      // The weight.
      let w = 1;
      if (iWeight >= 0) {
        const raw = fields[iWeight].trim();
        w = raw === '1' ? 1 : parseNumber(raw, true);
        const hint = `Every respondent needs a positive weight; if the data has no weights, remove columns.weight from study.json.`;
        if (raw === '') issues.error({ line, column: weightCol, message: 'the weight is blank', hint });
        else if (Number.isNaN(w)) {
          const grouped = groupedWeight(raw);
          issues.error({ line, column: weightCol, value: raw, message: grouped ?? `value "${raw}" is not a number`, hint: grouped ? GROUPED_HINT : hint });
        } else if (w === 0) issues.error({ line, column: weightCol, value: raw, message: `value "${raw}" is zero; weights must be positive`, hint });
        else if (w < 0) issues.error({ line, column: weightCol, value: raw, message: `value "${raw}" is negative; weights must be positive`, hint });
        else if (!Number.isFinite(w)) issues.error({ line, column: weightCol, value: raw, message: `value "${raw}" is too large to be a weight`, hint });
        else weightFormats.note(raw, line);
      }

      // The items: 0 blank, CANT_SAY, or 1 + (answer − scale.min).
      for (let k = 0; k < nItems; k++) {
        const at = iItems[k];
        let code = 0;
        if (at >= 0) {
          const field = fields[at];
          const small = smallInt(field);
          if (small >= 0 && quick[small] !== 0) code = quick[small];
          else if (field !== '') {
            const raw = field.trim();
            if (raw !== '') {
              const v = parseNumber(raw, decimalComma);
              const column = itemIds[k];
              if (Number.isNaN(v)) issues.error({ line, column, value: raw, message: `value "${raw}" is not a number`, hint: numberHint });
              else if (!Number.isInteger(v)) issues.error({ line, column, value: raw, message: `value "${raw}" is not a whole number`, hint: numberHint });
              else if (cantSayCodes.has(v)) code = CANT_SAY;
              else if (v >= scaleMin && v <= scaleMax) code = v - scaleMin + 1;
              else
                issues.error({
                  line,
                  column,
                  value: raw,
                  message: cantSayText
                    ? `value "${raw}" is outside the scale ${scaleMin}–${scaleMax} and is not a can't-say code (${cantSayText})`
                    : `value "${raw}" is outside the scale ${scaleMin}–${scaleMax}, and study.json defines no can't-say codes`,
                  hint: answerHint,
                });
            }
          }
        }
        if (keep) codes[k][r] = code;
      }

      // The NPS: 0–10, or -1 when not answered.
      let npsValue = -1;
      if (iNps >= 0 && study.nps) {
        const field = fields[iNps];
        const small = smallInt(field);
        if (small >= 0 && small <= 10) npsValue = small;
        else {
          const raw = field.trim();
          const column = study.nps.column;
          const hint = 'NPS answers must be whole numbers 0–10, or blank for not answered.';
          if (raw !== '') {
            const v = parseNumber(raw, decimalComma);
            if (Number.isNaN(v)) issues.error({ line, column, value: raw, message: `value "${raw}" is not a number`, hint });
            else if (!Number.isInteger(v)) issues.error({ line, column, value: raw, message: `value "${raw}" is not a whole number`, hint });
            else if (v < 0 || v > 10) issues.error({ line, column, value: raw, message: `value "${raw}" is outside 0–10`, hint });
            else npsValue = v;
          }
        }
      }

      // The background variables.
      for (let k = 0; k < nBackground; k++) {
        let value = -1;
        const at = iBackground[k];
        if (at >= 0) {
          const raw = fields[at].trim();
          if (raw !== '') {
            const b = study.background[k];
            const v = backgroundIndex[k].get(raw);
            if (v !== undefined) value = v;
            else
              issues.error({
                line,
                column: b.column,
                value: raw,
                message: `value "${raw}" is not a value code of background variable "${b.id}" (the codes are ${quoteList(b.values.map((x) => x.code))})`,
                hint: `Correct the value, or add the code to the values of background "${b.id}" in study.json; leave it blank if it is not known.`,
              });
          }
        }
        if (keep) background[k][r] = value;
      }

      if (issues.errorCount > before) {
        rows.rejected++;
        return;
      }
      // Commit the row (only kept while the file is still clean).
      if (keep) {
        group[r] = g;
        weight[r] = w;
        if (nps) nps[r] = npsValue;
        if (quotes && iReason >= 0) quotes.offer(g, iId >= 0 ? id : lineId(line), fields[iReason].trim(), line);
      }
      if (repeats) {
        repeats.begin();
        for (let k = 0; k < fields.length; k++) repeats.field(fields[k]);
        repeats.end(line);
      }
      rows.used++;
    };

    // Codes matched in place: only those a trimmed field can equal exactly.
    const exactCodes = (index: Map<string, number>) => {
      const entries = [...index].filter(([code]) => code !== '' && code === code.trim());
      return { codes: entries.map(([code]) => code), values: Int32Array.from(entries, ([, v]) => v) };
    };
    const groupExact = exactCodes(groupIndex);
    const backgroundExact = backgroundIndex.map(exactCodes);

    /**
     * The common row read in place, without a string per field: the right
     * number of fields, a plain id, known codes, a weight of digits, answers
     * of one or two digits or blank. Anything else (and any row once the file
     * has an error) returns false and goes through onRow, which gives the
     * same values or the error; nothing is registered before that is settled.
     */
    const inPlace = (text: string, starts: Int32Array, ends: Int32Array, firsts: Int32Array, count: number, line: number): boolean => {
      if (!sawHeader || count !== width || issues.errorCount > 0) return false;
      const r = rows.used;
      if (r === cap) grow();
      const itemCodes = codes;
      const backgroundCodes = background;

      let idFrom = 0;
      let idTo = 0;
      if (iId >= 0) {
        idFrom = starts[iId];
        idTo = ends[iId];
        if (idTo <= idFrom) return false;
        const c0 = text.charCodeAt(idFrom);
        const c1 = text.charCodeAt(idTo - 1);
        if (c0 <= 32 || c0 >= 127 || c1 <= 32 || c1 >= 127) return false;
      }

      let g = 0;
      if (iGroup >= 0) {
        g = matchCode(text, starts[iGroup], ends[iGroup], groupExact.codes, groupExact.values);
        if (g < 0) return false;
      }

      let w = 1;
      let weightMark = -1;
      if (iWeight >= 0) {
        w = plainDecimal(text, starts[iWeight], ends[iWeight]);
        if (!(w > 0)) return false;
        weightMark = plainDecimalMark;
      }

      for (let k = 0; k < nItems; k++) {
        const at = iItems[k];
        let code = 0;
        if (at >= 0) {
          const from = starts[at];
          const n = ends[at] - from;
          if (n === 1) {
            const d = firsts[at] - 48;
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
        itemCodes[k][r] = code;
      }

      let npsValue = -1;
      if (iNps >= 0 && nps) {
        const from = starts[iNps];
        const n = ends[iNps] - from;
        if (n === 1) {
          npsValue = firsts[iNps] - 48;
          if (npsValue < 0 || npsValue > 9) return false;
        } else if (n === 2) {
          const d = text.charCodeAt(from) - 48;
          const e = text.charCodeAt(from + 1) - 48;
          if (d < 0 || d > 9 || e < 0 || e > 9 || d * 10 + e > 10) return false;
          npsValue = d * 10 + e;
        } else if (n !== 0) return false;
      }

      for (let k = 0; k < nBackground; k++) {
        const at = iBackground[k];
        let value = -1;
        if (at >= 0) {
          const from = starts[at];
          const to = ends[at];
          if (to > from) {
            value = matchCode(text, from, to, backgroundExact[k].codes, backgroundExact[k].values);
            if (value < 0) return false;
          }
        }
        backgroundCodes[k][r] = value;
      }

      // Last, as it registers the id: a repeated one is left to onRow, which finds it again.
      if (iId >= 0 && registry.firstLineAt(text, idFrom, idTo, line) !== undefined) return false;

      rows.read++;
      if ((rows.read & 4095) === 0) this.progress();
      if (iWeight >= 0) {
        weightFormats.total++;
        if (weightMark >= 0) weightFormats.noteAt(text, starts[iWeight], ends[iWeight], weightMark, line);
      }
      if (repeats) {
        repeats.begin();
        for (let k = 0; k < count; k++) repeats.fieldAt(text, starts[k], ends[k]);
        repeats.end(line);
      }
      group[r] = g;
      weight[r] = w;
      if (nps) nps[r] = npsValue;
      if (quotes && iReason >= 0) {
        if (iId >= 0) quotes.offerAt(g, text, idFrom, idTo, starts[iReason], ends[iReason], line);
        else quotes.offer(g, lineId(line), text.slice(starts[iReason], ends[iReason]).trim(), line);
      }
      rows.used++;
      return true;
    };

    this.scanner = new CsvScanner(delimiter, onRow, inPlace, sep ? { line: sep.line + 1, offset: sep.end } : undefined);
    this.finish = () => {
      const scan = this.scanner!.end();
      weightFormats.finish(issues, weightCol);
      const longAnswers = quotes?.lengthWarning(study.nps!.reason!);
      if (longAnswers) issues.warning(longAnswers);
      if (rows.read === 0) {
        issues.error({ line: headerLine, message: 'the file has a header but no data rows', hint: 'Export the responses with one row per respondent below the header.' });
      }
      if (scan.skippedEmptyLines.length > 0) {
        const lines = scan.skippedEmptyLines;
        issues.warning({
          line: lines[0],
          message: `skipped ${lines.length === 1 ? 'an empty line' : `${lines.length} empty lines`} between the rows (line${lines.length === 1 ? '' : 's'} ${lines.slice(0, 20).join(', ')}${lines.length > 20 ? ', …' : ''})`,
          hint: 'Check that no respondents are missing there; remove the empty lines to silence this warning.',
        });
      }
      if (repeats && repeats.repeats > 0) {
        const { repeats: count, examples } = repeats;
        const shown = examples.map(([l, first]) => `line ${l} repeats line ${first}`).join(', ');
        issues.warning({
          line: examples[0][0],
          message: `${count} ${count === 1 ? 'row repeats' : 'rows repeat'} an earlier row exactly${count === examples.length ? ':' : ', e.g.'} ${shown}; without an id column (columns.id) each counts as another respondent`,
          hint: 'If rows were exported twice, remove the repeats. If they are different respondents who answered alike, nothing needs to be done; an id column would tell them apart.',
        });
      }
      if (issues.errorCount > 0) return { issues: issues.all(), rows };

      const n = rows.used;
      // Trim the columns to n: in place when little is spare, else by a copy.
      const fit = <T extends Uint8Array | Int8Array | Uint16Array | Int16Array | Float64Array>(a: T): T => (a.length <= n * 1.25 + 64 ? (a.subarray(0, n) as T) : (a.slice(0, n) as T));
      const items = new Map<string, ItemAnswers>();
      itemIds.forEach((x, k) => items.set(x, { codes: fit(codes[k]) }));
      const data: EditionData = {
        year,
        file,
        n,
        group: fit(group),
        weight: fit(weight),
        items,
        ...(nps ? { nps: fit(nps) } : {}),
        ...(quotes ? { quoteCandidates: quotes.result() } : {}),
        background: new Map(study.background.map((b, k) => [b.id, fit(background[k])])),
        rows,
      };
      dataWarnings(data, study, issues);
      return { data, issues: issues.all(), rows };
    };
    this.scanner.push(sep ? src.slice(sep.end) : src);
  }
}

// The first newline or character other than white space.
const NEWLINE_OR_CONTENT = /\n|\S/g;

/** The value of the code equal to text[from, to), or -1. */
function matchCode(text: string, from: number, to: number, codes: readonly string[], values: Int32Array): number {
  const n = to - from;
  next: for (let c = 0; c < codes.length; c++) {
    const code = codes[c];
    if (code.length !== n) continue;
    for (let i = 0; i < n; i++) if (code.charCodeAt(i) !== text.charCodeAt(from + i)) continue next;
    return values[c];
  }
  return -1;
}

/** Exact powers of ten. */
const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/** The offset of the point or comma of the number plainDecimal read last, or -1 when it had none. */
let plainDecimalMark = -1;

/**
 * text[from, to) as a number when it is digits, or digits, a point or comma
 * and digits, with at most 15 digits in all (as parseNumber reads it with a
 * decimal comma: both the digits and the power of ten are exact, so the one
 * division is Number's correctly rounded value); else NaN. Sets
 * plainDecimalMark.
 */
function plainDecimal(text: string, from: number, to: number): number {
  if (to <= from) return NaN;
  let m = 0;
  let digits = 0;
  let point = -1;
  for (let i = from; i < to; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d >= 0 && d <= 9) {
      m = m * 10 + d;
      digits++;
    } else if ((d === -2 || d === -4) && point < 0 && i > from && i < to - 1) point = i;
    else return NaN;
  }
  if (digits > 15) return NaN;
  plainDecimalMark = point;
  return point < 0 ? m : m / POW10[to - 1 - point];
}

/** Warnings about legal but doubtful data: high can't-say shares, small or empty groups. */
function dataWarnings(data: EditionData, study: Study, issues: IssueList): void {
  for (const item of study.items) {
    const a = data.items.get(item.id)!;
    // How many rows have each code: can't say, blank, and the rest answered.
    const hist = new Float64Array(256);
    const codes = a.codes;
    const n = data.n;
    for (let r = 0; r < n; r++) hist[codes[r]]++;
    const cs = hist[CANT_SAY];
    const valid = n - cs - hist[0];
    const answering = valid + cs;
    if (answering > 0 && cs / answering > study.highCantSayShare) {
      issues.warning({
        column: item.id,
        message: `the can't-say share is ${percent(cs / answering)} (${cs} of ${answering} who answered), above highCantSayShare ${percent(study.highCantSayShare)}`,
        hint: 'Check the wording and the coding of the item; a high share can also be genuine.',
      });
    }
  }
  const counts = new Array<number>(study.groups.length).fill(0);
  for (let r = 0; r < data.n; r++) counts[data.group[r]]++;
  study.groups.forEach((g, k) => {
    if (counts[k] === 0) {
      issues.warning({
        column: study.columns.group,
        message: `group "${g.code}" has no respondents in this edition`,
        hint: 'Nothing to do if the group was not surveyed this year; otherwise check the group codes.',
      });
    } else if (counts[k] < study.minBase) {
      issues.warning({
        column: study.columns.group,
        message: `group "${g.code}" has ${counts[k]} respondent${counts[k] === 1 ? '' : 's'}, fewer than minBase ${study.minBase}: its figures will be suppressed`,
        hint: 'Nothing to do if this is expected; the group still counts in the totals.',
      });
    }
  });
}
