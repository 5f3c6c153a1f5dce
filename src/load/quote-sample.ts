import type { QuoteCandidate } from './types.ts';

/**
 * A respondent id's rank for quote selection: a 32-bit hash (FNV-1a over the
 * UTF-16 code units with the murmur3 finaliser), so the ranks of similar ids
 * (r1, r2, …) are spread evenly and unrelated to the row order or the answers.
 */
export function quoteRank(id: string): number {
  return hashText(id, 0, id.length);
}

/**
 * A 32-bit hash of text[from, to): FNV-1a over the UTF-16 code units with the
 * murmur3 finaliser. Also the duplicate-id table's hash (id-registry.ts).
 */
export function hashText(text: string, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Whether candidate a (rank ra) comes before b (rank rb): by rank, then by id. */
function before(ra: number, a: string, rb: number, b: string): boolean {
  return ra < rb || (ra === rb && a < b);
}

/**
 * Picks the open answers that may be published as quotes while the rows go
 * by: per group, the `perGroup` non-empty answers whose respondent ids have
 * the smallest quoteRank (ties by id). A stable, order-independent choice
 * (the same data gives the same quotes however its rows are ordered) that is
 * a uniform random sample of the group's answers as far as the hash is
 * concerned, in O(groups × perGroup) memory: nothing is kept per row.
 */
export class QuoteSampler {
  private readonly k: number;
  /** Per group: the kept candidates and their ranks, in rank order. */
  private readonly kept: { rank: number; id: string; text: string }[][];

  constructor(groups: number, perGroup: number) {
    this.k = Math.max(0, Math.floor(perGroup));
    this.kept = Array.from({ length: groups }, () => []);
  }

  /** Offers respondent `id`'s answer `text` (already trimmed; empty answers are ignored) in group g. */
  offer(g: number, id: string, text: string): void {
    if (text === '' || this.k === 0) return;
    const list = this.kept[g];
    if (list === undefined) return;
    const rank = quoteRank(id);
    if (list.length === this.k) {
      const last = list[this.k - 1];
      if (!before(rank, id, last.rank, last.id)) return;
      list.pop();
    }
    let at = list.length;
    while (at > 0 && before(rank, id, list[at - 1].rank, list[at - 1].id)) at--;
    // Copies, so that no kept string holds on to the text it was cut from.
    list.splice(at, 0, { rank, id: copy(id), text: copy(text) });
  }

  /**
   * offer for the id text[idFrom, idTo) (already trimmed) and the answer
   * text[from, to) (to be trimmed), read in place: strings are cut only for
   * an answer that may be kept.
   */
  offerAt(g: number, text: string, idFrom: number, idTo: number, from: number, to: number): void {
    if (from === to || this.k === 0) return;
    const list = this.kept[g];
    if (list === undefined) return;
    if (list.length === this.k && hashText(text, idFrom, idTo) > list[this.k - 1].rank) return;
    this.offer(g, text.slice(idFrom, idTo), text.slice(from, to).trim());
  }

  /** The kept candidates per group, in respondent-id order. */
  result(): QuoteCandidate[][] {
    return this.kept.map((list) => list.map(({ id, text }) => ({ id, text })).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)));
  }
}

/**
 * A copy of a string that shares no memory with the text it was cut from
 * (V8 keeps a long substring as a slice of its parent, which would keep every
 * piece of the file alive).
 */
function copy(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}
