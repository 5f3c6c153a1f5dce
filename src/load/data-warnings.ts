import type { Study } from '../study/schema.ts';
import type { IssueList } from './issue-list.ts';
import { percent } from './message-text.ts';
import type { EditionData } from './types.ts';

/**
 * Warnings about legal but doubtful data: high can't-say shares, background
 * variables and an NPS with no valid answer, small or empty groups (of those
 * that exist in the edition: `groupExists`, default all).
 */
export function dataWarnings(data: EditionData, study: Study, issues: IssueList, groupExists: readonly boolean[] = []): void {
  for (const item of study.items) {
    const a = data.items.get(item.id)!;
    const n = data.n;
    const { cantSay: cs, blank } = countCantSayAndBlank(a.codes, n);
    const valid = n - cs - blank;
    const answering = valid + cs;
    if (answering > 0 && cs / answering > study.highCantSayShare) {
      issues.warning({
        column: item.id,
        message: `the can't-say share is ${percent(cs / answering)} (${cs} of ${answering} who answered), above highCantSayShare ${percent(study.highCantSayShare)}`,
        hint: 'Check the wording and the coding of the item; a high share can also be genuine.',
      });
    }
  }
  // An item with no valid answer is warned of with the figures built on it (see itemWarnings in src/model).
  for (const b of study.background) {
    if (data.background.get(b.id)!.every((v) => v < 0)) {
      issues.warning({
        column: b.column,
        message: `background variable "${b.id}" has no valid answer in ${data.year}: no breakdown by it`,
        hint: "Check that the column holds the answers of this edition; if the question was not asked, give the variable's editions (from, until or years) in study.json.",
      });
    }
  }
  if (study.nps && data.nps && data.n > 0 && data.nps.every((v) => v < 0)) {
    issues.warning({
      column: study.nps.column,
      message: `the NPS question has no valid answer in ${data.year}`,
      hint: 'Check that the column holds the answers of this edition (a renamed column goes in editions.<year>.columns of study.json).',
    });
  }
  const counts = new Array<number>(study.groups.length).fill(0);
  for (let r = 0; r < data.n; r++) counts[data.group[r]]++;
  study.groups.forEach((g, k) => {
    if (groupExists[k] === false) return;
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

/** The bytes of a 32-bit word but their top bits. */
const LOW7 = 0x7f7f7f7f;

/**
 * The rows of codes[0 … rows − 1] (at most its length) with the can't-say code and with the blank one (BLANK = 0, CANT_SAY = 255: the
 * codes' bytes), counted without a branch: the answers are in no order a branch could predict. Four codes at a time,
 * as the bytes of a 32-bit word, where the array's bytes allow it.
 */
export function countCantSayAndBlank(codes: Uint8Array, rows: number): { cantSay: number; blank: number } {
  // The words are read through a view of the buffer, which would reach past the array's end.
  const n = Math.min(rows, codes.length);
  let cantSay = 0;
  let blank = 0;
  let r = 0;
  const one = (c: number) => {
    cantSay += (c + 1) >> 8;
    blank += (c - 1) >>> 31;
  };
  // One by one up to a 4-byte boundary, where the words start.
  const head = Math.min(n, (4 - (codes.byteOffset & 3)) & 3);
  for (; r < head; r++) one(codes[r]);
  const words = (n - r) >> 2;
  if (words > 0) {
    const view = new Int32Array(codes.buffer, codes.byteOffset + r, words);
    // Per byte a count of 0 or 1 in its own byte of the sums, added up before any byte of them can pass 255.
    for (let from = 0; from < words; from += 255) {
      const to = Math.min(words, from + 255);
      let zeros = 0;
      let ones = 0;
      for (let k = from; k < to; k++) {
        const x = view[k];
        // (b & 0x7f) + 0x7f, or b, has its top bit set unless the byte b is 0 (for ~x: unless b is 255).
        zeros += (~(((x & LOW7) + LOW7) | x) >>> 7) & 0x01010101;
        const y = ~x;
        ones += (~(((y & LOW7) + LOW7) | y) >>> 7) & 0x01010101;
      }
      blank += (zeros & 255) + ((zeros >>> 8) & 255) + ((zeros >>> 16) & 255) + (zeros >>> 24);
      cantSay += (ones & 255) + ((ones >>> 8) & 255) + ((ones >>> 16) & 255) + (ones >>> 24);
    }
    r += words * 4;
  }
  for (; r < n; r++) one(codes[r]);
  return { cantSay, blank };
}
