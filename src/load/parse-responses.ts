import type { Study } from '../study/schema.ts';
import type { EditionData, InputIssue, ItemAnswers } from './types.ts';
import { delimiterName, IssueList, joinAnd, quoteMessage, normaliseLineEnds, parseNumber, percent, quoteList, readHeader, scanCsv, sniffDelimiter } from './csv.ts';

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
  /** How many errors to list before "… and N more problems" (default 50). */
  maxErrors?: number;
}

/** A column the study definition needs, with its role for messages. */
interface Needed {
  column: string;
  role: string;
}

const FIX_COLUMN = 'Add the column to the file, or correct the column name in study.json.';

/**
 * Parses one edition's responses.csv text against the study definition.
 * Every problem is collected; any error (a rejected row included) refuses the
 * whole file, so rows are never dropped silently. Answers are stored in typed
 * arrays grown by doubling, with no object per row.
 */
export function parseResponses(text: string, file: string, year: number, study: Study, options: ParseResponsesOptions = {}): ParseResponsesResult {
  const issues = new IssueList(file, options.maxErrors ?? 50);
  const rows: RowCounts = { read: 0, used: 0, rejected: 0 };
  const src = normaliseLineEnds(text);
  if (src.trim() === '') {
    issues.error({ message: 'the file is empty', hint: 'Export the responses with a header row of column names and one row per respondent.' });
    return { issues: issues.all(), rows };
  }
  const delimiter = sniffDelimiter(src);
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

  const needed: Needed[] = [
    { column: idCol, role: 'the respondent id (columns.id)' },
    { column: groupCol, role: 'the group code (columns.group)' },
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

  // Growing columns.
  let cap = 1024;
  const ids: string[] = [];
  let group = new Uint16Array(cap);
  let weight = new Float64Array(cap);
  let values = itemIds.map(() => new Float64Array(cap));
  let cantSay = itemIds.map(() => new Uint8Array(cap));
  let nps = study.nps ? new Float64Array(cap) : undefined;
  const npsReason: string[] | undefined = study.nps ? [] : undefined;
  let background = study.background.map(() => new Int16Array(cap));
  const grow = () => {
    cap *= 2;
    const g = new Uint16Array(cap);
    g.set(group);
    group = g;
    const w = new Float64Array(cap);
    w.set(weight);
    weight = w;
    values = values.map((a) => {
      const b = new Float64Array(cap);
      b.set(a);
      return b;
    });
    cantSay = cantSay.map((a) => {
      const b = new Uint8Array(cap);
      b.set(a);
      return b;
    });
    if (nps) {
      const b = new Float64Array(cap);
      b.set(nps);
      nps = b;
    }
    background = background.map((a) => {
      const b = new Int16Array(cap);
      b.set(a);
      return b;
    });
  };

  // One row's values before they are committed.
  const rowValues = new Float64Array(nItems);
  const rowCantSay = new Uint8Array(nItems);
  const rowBackground = new Int16Array(nBackground);
  const firstLineOfId = new Map<string, number>();
  let sawHeader = false;

  const answerHint = `Correct the value, or add the code to scale.cantSay in study.json if it means can't say.`;
  const numberHint = `Answers must be whole numbers on the scale ${scaleMin}–${scaleMax}${cantSayText ? `, a can't-say code (${cantSayText})` : ''}, or blank for not answered.`;

  const onHeader = (fields: string[], line: number) => {
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
    iId = find(idCol);
    iGroup = find(groupCol);
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
    const before = issues.errorCount;
    const columnOf = (i: number) => header[i] || `(field ${i + 1})`;
    if (quote) {
      issues.error({ line, column: columnOf(fields.length - 1), ...quoteMessage(quote) });
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

    // The respondent id.
    let id = '';
    if (iId >= 0) {
      id = fields[iId].trim();
      if (id === '') {
        issues.error({ line, column: idCol, message: 'the respondent id is blank', hint: 'Every row needs a respondent id, unique within the edition.' });
      } else {
        const first = firstLineOfId.get(id);
        if (first !== undefined) {
          issues.error({
            line,
            column: idCol,
            value: id,
            message: `value "${id}" is the same respondent id as on line ${first}`,
            hint: 'Each respondent id must be unique within an edition: remove the duplicate row or correct the id.',
          });
        } else firstLineOfId.set(id, line);
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
      w = parseNumber(raw, true);
      const hint = `Every respondent needs a positive weight; if the data has no weights, remove columns.weight from study.json.`;
      if (raw === '') issues.error({ line, column: weightCol, message: 'the weight is blank', hint });
      else if (Number.isNaN(w)) issues.error({ line, column: weightCol, value: raw, message: `value "${raw}" is not a number`, hint });
      else if (w === 0) issues.error({ line, column: weightCol, value: raw, message: `value "${raw}" is zero; weights must be positive`, hint });
      else if (w < 0) issues.error({ line, column: weightCol, value: raw, message: `value "${raw}" is negative; weights must be positive`, hint });
    }

    // The items.
    for (let k = 0; k < nItems; k++) {
      rowValues[k] = NaN;
      rowCantSay[k] = 0;
      const at = iItems[k];
      if (at < 0) continue;
      const raw = fields[at].trim();
      if (raw === '') continue;
      const v = parseNumber(raw, decimalComma);
      const column = itemIds[k];
      if (Number.isNaN(v)) issues.error({ line, column, value: raw, message: `value "${raw}" is not a number`, hint: numberHint });
      else if (!Number.isInteger(v)) issues.error({ line, column, value: raw, message: `value "${raw}" is not a whole number`, hint: numberHint });
      else if (cantSayCodes.has(v)) rowCantSay[k] = 1;
      else if (v >= scaleMin && v <= scaleMax) rowValues[k] = v;
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

    // The NPS.
    let npsValue = NaN;
    if (iNps >= 0 && study.nps) {
      const raw = fields[iNps].trim();
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

    // The background variables.
    for (let k = 0; k < nBackground; k++) {
      rowBackground[k] = -1;
      const at = iBackground[k];
      if (at < 0) continue;
      const raw = fields[at].trim();
      if (raw === '') continue;
      const b = study.background[k];
      const v = backgroundIndex[k].get(raw);
      if (v !== undefined) rowBackground[k] = v;
      else
        issues.error({
          line,
          column: b.column,
          value: raw,
          message: `value "${raw}" is not a value code of background variable "${b.id}" (the codes are ${quoteList(b.values.map((x) => x.code))})`,
          hint: `Correct the value, or add the code to the values of background "${b.id}" in study.json; leave it blank if it is not known.`,
        });
    }

    if (issues.errorCount > before) {
      rows.rejected++;
      return;
    }
    // Commit the row (only needed while the file is still clean).
    if (issues.errorCount > 0) {
      rows.used++;
      return;
    }
    const r = rows.used;
    if (r === cap) grow();
    ids.push(id);
    group[r] = g;
    weight[r] = w;
    for (let k = 0; k < nItems; k++) {
      values[k][r] = rowValues[k];
      cantSay[k][r] = rowCantSay[k];
    }
    if (nps) nps[r] = npsValue;
    if (npsReason) npsReason.push(iReason >= 0 ? fields[iReason].trim() : '');
    for (let k = 0; k < nBackground; k++) background[k][r] = rowBackground[k];
    rows.used++;
  };

  const scan = scanCsv(src, delimiter, onRow, options.onProgress);

  if (rows.read === 0) {
    issues.error({ line: 1, message: 'the file has a header but no data rows', hint: 'Export the responses with one row per respondent below the header.' });
  }
  if (scan.skippedEmptyLines.length > 0) {
    const lines = scan.skippedEmptyLines;
    issues.warning({
      line: lines[0],
      message: `skipped ${lines.length === 1 ? 'an empty line' : `${lines.length} empty lines`} between the rows (line${lines.length === 1 ? '' : 's'} ${lines.slice(0, 20).join(', ')}${lines.length > 20 ? ', …' : ''})`,
      hint: 'Check that no respondents are missing there; remove the empty lines to silence this warning.',
    });
  }
  if (issues.errorCount > 0) return { issues: issues.all(), rows };

  const n = rows.used;
  const items = new Map<string, ItemAnswers>();
  itemIds.forEach((x, k) => items.set(x, { values: values[k].slice(0, n), cantSay: cantSay[k].slice(0, n) }));
  const data: EditionData = {
    year,
    file,
    n,
    ids,
    group: group.slice(0, n),
    weight: weight.slice(0, n),
    items,
    ...(nps ? { nps: nps.slice(0, n), npsReason } : {}),
    background: new Map(study.background.map((b, k) => [b.id, background[k].slice(0, n)])),
    rows,
  };
  dataWarnings(data, study, issues);
  return { data, issues: issues.all(), rows };
}

/** Warnings about legal but doubtful data: high can't-say shares, small or empty groups. */
function dataWarnings(data: EditionData, study: Study, issues: IssueList): void {
  for (const item of study.items) {
    const a = data.items.get(item.id)!;
    let valid = 0;
    let cs = 0;
    for (let r = 0; r < data.n; r++) {
      if (a.cantSay[r]) cs++;
      else if (!Number.isNaN(a.values[r])) valid++;
    }
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
