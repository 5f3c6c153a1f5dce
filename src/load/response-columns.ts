import type { Study } from '../study/schema.ts';
import type { ColumnPlan, UnusedWarning, WantedColumn } from './column-plan.ts';
import { quoteList } from './message-text.ts';

const FIX_COLUMN = 'Add the column to the file, or correct the column name in study.json.';

/** The columns of responses.csv the study definition needs, each with its role for the message when it is missing. */
export function responseColumns(study: Study): WantedColumn[] {
  const { id, group, weight } = study.columns;
  const needed: { column: string; role: string }[] = [
    ...(id ? [{ column: id, role: 'the respondent id (columns.id)' }] : []),
    ...(group ? [{ column: group, role: 'the group code (columns.group)' }] : []),
    ...(weight ? [{ column: weight, role: 'the weight (columns.weight)' }] : []),
    ...study.items.map((x) => ({ column: x.id, role: 'an item' })),
    ...(study.nps ? [{ column: study.nps.column, role: 'the NPS question (nps.column)' }] : []),
    ...(study.nps?.reason ? [{ column: study.nps.reason, role: 'the NPS reason (nps.reason)' }] : []),
    ...study.background.map((b) => ({ column: b.column, role: `background variable "${b.id}"` })),
  ];
  return needed.map(({ column, role }) => ({
    column,
    missing: (lookalike) => ({
      message: `is missing from the header; study.json uses it for ${role}`,
      hint: lookalike ? `The header has "${lookalike}": column names are case-sensitive, so rename one to match the other.` : FIX_COLUMN,
    }),
  }));
}

/** The warning about columns of responses.csv that study.json does not use. */
export const unusedResponseColumns: UnusedWarning = (unused) => ({
  message: `${unused.length === 1 ? 'column' : 'columns'} not used by study.json: ${quoteList([...new Set(unused)])}`,
  hint: 'Nothing to do if these are meant to be left out of the report; otherwise add them to study.json.',
});

/** Where each variable of the study is in a row of responses.csv: a field position, or -1 when the header lacks it. */
export class ResponsePositions {
  readonly id: number;
  readonly group: number;
  readonly weight: number;
  readonly nps: number;
  readonly reason: number;
  /** Per item of study.items, and per background variable of study.background. */
  readonly items: Int32Array;
  readonly background: Int32Array;
  /** The number of fields of a row. */
  readonly width: number;
  /** The header's names (trimmed), to name a field in messages. */
  readonly names: readonly string[];

  constructor(study: Study, plan: ColumnPlan) {
    const find = (column: string | undefined) => (column ? plan.position(column) : -1);
    this.id = find(study.columns.id);
    this.group = find(study.columns.group);
    this.weight = find(study.columns.weight);
    this.nps = find(study.nps?.column);
    this.reason = find(study.nps?.reason);
    this.items = Int32Array.from(study.items, (x) => plan.position(x.id));
    this.background = Int32Array.from(study.background, (b) => plan.position(b.column));
    this.width = plan.width;
    this.names = plan.names;
  }
}
