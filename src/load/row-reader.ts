import type { ColumnStore } from './column-store.ts';
import type { IdRegistry } from './id-registry.ts';
import type { IssueList, Repeat } from './issue-list.ts';
import { quoteList } from './message-text.ts';
import { parseNumber, smallInt } from './parse-number.ts';
import type { ResponsePositions } from './response-columns.ts';
import type { RowRules } from './row-rules.ts';
import { CANT_SAY } from './types.ts';
import { GROUPED_HINT, groupedWeight, type WeightFormats } from './weight-format.ts';

/** What the row readers of one file share: the rules, where the variables are, and what they register and write to. */
export interface RowReaderContext {
  rules: RowRules;
  positions: ResponsePositions;
  issues: IssueList;
  /** The respondent ids seen so far. */
  ids: IdRegistry;
  weights: WeightFormats;
  store: ColumnStore;
}

const WEIGHT_HINT = `Every respondent needs a positive weight; if the data has no weights, remove columns.weight from study.json.`;
const NPS_HINT = 'NPS answers must be whole numbers 0–10, or blank for not answered.';

// How each error that may repeat down a column is said once for all its rows (see IssueList).
const BLANK_ID: Repeat = { key: 'blank-id', many: 'respondent ids are blank' };
const SAME_ID: Repeat = { key: 'same-id', many: "respondent ids repeat an earlier row's" };
const BLANK_GROUP: Repeat = { key: 'blank-group', many: 'group codes are blank' };
const BLANK_WEIGHT: Repeat = { key: 'blank', many: 'weights are blank' };
const WEIGHT_NOT_NUMBER: Repeat = { key: 'not-number', many: 'weights are not numbers' };
const WEIGHT_ZERO: Repeat = { key: 'zero', many: 'weights are zero', after: '; weights must be positive' };
const WEIGHT_NEGATIVE: Repeat = { key: 'negative', many: 'weights are negative', after: '; weights must be positive' };
const WEIGHT_TOO_LARGE: Repeat = { key: 'too-large', many: 'weights are too large to be weights' };
const NOT_NUMBER: Repeat = { key: 'not-number', many: 'values are not numbers', labels: true };
const NOT_WHOLE: Repeat = { key: 'not-whole', many: 'values are not whole numbers' };
const NPS_OUTSIDE: Repeat = { key: 'outside', many: 'values are outside 0–10' };

/**
 * Reads a row of responses.csv given as strings (of the header's width),
 * with every check: each value that breaks a rule of the study definition is
 * an error naming its line, column and value. This is the reader every row
 * can go through; InPlaceReader takes the common rows faster, with the same
 * result.
 */
export class RowReader {
  private readonly context: RowReaderContext;
  private readonly unknownGroup: Repeat;
  private readonly outsideScale: Repeat;
  private readonly unknownBackground: Repeat[];

  constructor(context: RowReaderContext) {
    this.context = context;
    const { rules } = context;
    const { scaleMin, scaleMax, cantSayText } = rules;
    this.unknownGroup = { key: 'unknown-group', many: 'values are not group codes in study.json', after: `; the codes are ${quoteList(rules.groupCodes)}` };
    this.outsideScale = {
      key: 'outside',
      many: cantSayText
        ? `values are outside the scale ${scaleMin}–${scaleMax} and are not can't-say codes (${cantSayText})`
        : `values are outside the scale ${scaleMin}–${scaleMax}, and study.json defines no can't-say codes`,
    };
    this.unknownBackground = rules.study.background.map((b) => ({
      key: 'unknown-code',
      many: `values are not value codes of background variable "${b.id}"`,
      after: `; the codes are ${quoteList(b.values.map((x) => x.code))}`,
    }));
  }

  /**
   * Reads the row on `line` and says whether it is free of errors. Its id is
   * registered (when new) and its weight noted. The values are written to row
   * `slot` of the store (not when `slot` is -1): the answer codes and
   * background values in any case (a rejected row's are overwritten by the
   * next), the group, weight and NPS when the row is free of errors.
   */
  read(fields: string[], line: number, slot: number): boolean {
    const { rules, positions: at, issues, store } = this.context;
    const { study, decimalComma, scaleMin, scaleMax, cantSay, cantSayText, quick, itemIds } = rules;
    const { id: idCol, group: groupCol, weight: weightCol } = study.columns;
    const before = issues.errorCount;
    const keep = slot >= 0;

    // The respondent id.
    if (at.id >= 0) {
      const id = fields[at.id].trim();
      if (id === '') {
        issues.error({ line, column: idCol, message: 'the respondent id is blank', hint: 'Every row needs a respondent id, unique within the edition.' }, BLANK_ID);
      } else {
        const first = this.context.ids.firstLine(id, line);
        if (first !== undefined) {
          issues.error(
            {
              line,
              column: idCol,
              value: id,
              message: `value "${id}" is the same respondent id as on line ${first}`,
              hint: 'Each respondent id must be unique within an edition: remove the duplicate row or correct the id.',
            },
            SAME_ID,
          );
        }
      }
    }

    // The group.
    let g = 0;
    if (at.group >= 0) {
      const code = fields[at.group].trim();
      const k = rules.groupIndex.get(code);
      if (k !== undefined) g = k;
      else if (code === '') issues.error({ line, column: groupCol, message: 'the group code is blank', hint: 'Every respondent needs a group code from groups in study.json.' }, BLANK_GROUP);
      else if (study.groups.some((x) => x.code === code))
        issues.error({
          line,
          column: groupCol,
          value: code,
          message: `value "${code}" is a group that does not exist in ${rules.year} (see its from, until or years in study.json)`,
          hint: `Correct the code, or include ${rules.year} in the group's editions in study.json.`,
        });
      else
        issues.error(
          {
            line,
            column: groupCol,
            value: code,
            message: `value "${code}" is not a group code in study.json (the codes are ${quoteList(rules.groupCodes)})`,
            hint: 'Correct the code, or add the group to groups in study.json.',
          },
          this.unknownGroup,
        );
    }

    // The weight.
    let w = 1;
    if (at.weight >= 0) {
      const raw = fields[at.weight].trim();
      w = raw === '1' ? 1 : parseNumber(raw, true);
      const hint = WEIGHT_HINT;
      if (raw === '') issues.error({ line, column: weightCol, message: 'the weight is blank', hint }, BLANK_WEIGHT);
      else if (Number.isNaN(w)) {
        const grouped = groupedWeight(raw);
        issues.error({ line, column: weightCol, value: raw, message: grouped?.message ?? `value "${raw}" is not a number`, hint: grouped ? GROUPED_HINT : hint }, grouped?.repeat ?? WEIGHT_NOT_NUMBER);
      } else if (w === 0) issues.error({ line, column: weightCol, value: raw, message: `value "${raw}" is zero; weights must be positive`, hint }, WEIGHT_ZERO);
      else if (w < 0) issues.error({ line, column: weightCol, value: raw, message: `value "${raw}" is negative; weights must be positive`, hint }, WEIGHT_NEGATIVE);
      else if (!Number.isFinite(w)) issues.error({ line, column: weightCol, value: raw, message: `value "${raw}" is too large to be a weight`, hint }, WEIGHT_TOO_LARGE);
      else this.context.weights.note(raw, line);
    }

    // The items: 0 blank, CANT_SAY, or 1 + (answer − scale.min).
    const codes = store.codes;
    for (let k = 0; k < itemIds.length; k++) {
      const pos = at.items[k];
      let code = 0;
      if (pos >= 0) {
        const field = fields[pos];
        const small = smallInt(field);
        if (small >= 0 && quick[small] !== 0) code = quick[small];
        else if (field !== '') {
          const raw = field.trim();
          if (raw !== '' && !rules.missing.has(raw)) {
            const v = parseNumber(raw, decimalComma);
            const column = itemIds[k];
            const hint = rules.numberHint;
            if (Number.isNaN(v)) issues.error({ line, column, value: raw, message: `value "${raw}" is not a number`, hint }, NOT_NUMBER);
            else if (!Number.isInteger(v)) issues.error({ line, column, value: raw, message: `value "${raw}" is not a whole number`, hint }, NOT_WHOLE);
            else if (cantSay.has(v)) code = CANT_SAY;
            else if (v >= scaleMin && v <= scaleMax) code = v - scaleMin + 1;
            else
              issues.error(
                {
                  line,
                  column,
                  value: raw,
                  message: cantSayText
                    ? `value "${raw}" is outside the scale ${scaleMin}–${scaleMax} and is not a can't-say code (${cantSayText})`
                    : `value "${raw}" is outside the scale ${scaleMin}–${scaleMax}, and study.json defines no can't-say codes`,
                  hint: rules.answerHint,
                },
                this.outsideScale,
              );
          }
        }
      }
      if (keep) codes[k][slot] = code;
    }

    // The NPS: 0–10, or -1 when not answered.
    let npsValue = -1;
    if (at.nps >= 0 && study.nps) {
      const field = fields[at.nps];
      const small = smallInt(field);
      if (small >= 0 && small <= 10) npsValue = small;
      else {
        const raw = field.trim();
        const column = study.nps.column;
        const hint = NPS_HINT;
        if (raw !== '' && !rules.missing.has(raw)) {
          const v = parseNumber(raw, decimalComma);
          if (Number.isNaN(v)) issues.error({ line, column, value: raw, message: `value "${raw}" is not a number`, hint }, NOT_NUMBER);
          else if (!Number.isInteger(v)) issues.error({ line, column, value: raw, message: `value "${raw}" is not a whole number`, hint }, NOT_WHOLE);
          else if (v < 0 || v > 10) issues.error({ line, column, value: raw, message: `value "${raw}" is outside 0–10`, hint }, NPS_OUTSIDE);
          else npsValue = v;
        }
      }
    }

    // The background variables.
    const background = store.background;
    for (let k = 0; k < at.background.length; k++) {
      let value = -1;
      const pos = at.background[k];
      if (pos >= 0) {
        const raw = fields[pos].trim();
        if (raw !== '' && !rules.missing.has(raw)) {
          const b = study.background[k];
          const v = rules.backgroundIndex[k].get(raw);
          if (v !== undefined) value = v;
          else if (b.values.some((x) => x.code === raw))
            issues.error({
              line,
              column: b.column,
              value: raw,
              message: `value "${raw}" of background variable "${b.id}" does not exist in ${rules.year} (see its from, until or years in study.json)`,
              hint: `Correct the value, or include ${rules.year} in the value's editions in study.json; leave it blank if it is not known.`,
            });
          else
            issues.error(
              {
                line,
                column: b.column,
                value: raw,
                message: `value "${raw}" is not a value code of background variable "${b.id}" (the codes are ${quoteList(b.values.map((x) => x.code))})`,
                hint: `Correct the value, or add the code to the values of background "${b.id}" in study.json; leave it blank if it is not known.`,
              },
              this.unknownBackground[k],
            );
        }
      }
      if (keep) background[k][slot] = value;
    }

    if (issues.errorCount > before) return false;
    if (keep) {
      store.group[slot] = g;
      store.weight[slot] = w;
      if (store.nps) store.nps[slot] = npsValue;
    }
    return true;
  }
}
