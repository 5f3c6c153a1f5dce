import type { Study } from '../study/schema.ts';
import type { IssueList } from './issue-list.ts';
import { percent } from './message-text.ts';
import { CANT_SAY, type EditionData } from './types.ts';

/** Warnings about legal but doubtful data: high can't-say shares, small or empty groups. */
export function dataWarnings(data: EditionData, study: Study, issues: IssueList): void {
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
