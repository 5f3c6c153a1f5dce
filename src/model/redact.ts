/** What stands in place of removed personal data in a published quote. */
export const REDACTED = '[…]';

/**
 * An optional counter of redactPersonalData's work: each character looked at
 * is one step. Redaction takes O(length) steps (tests hold it to that).
 */
export interface WorkMeter {
  steps: number;
}

/**
 * Removes personal data that has a recognisable form from an open answer before
 * it can be published, each piece replaced by REDACTED:
 *
 * - e-mail addresses, also written with "(at)", "[at]", "(a)", " at ", "ät" for
 *   the @ and "(dot)", "[dot]", " dot ", " piste " for a dot
 *   (matti at example dot fi);
 * - Finnish personal identity codes (henkilötunnus): six digits, a century sign
 *   (+, -, A–F, U–Y), three digits and a check character (010190-123A), whether
 *   or not the check character is right;
 * - phone numbers in Finnish and international forms (040 123 4567,
 *   040.123.4567, 040-123 4567, +358 40 123 4567, (09) 123 4567). Conservative:
 *   any run of seven or more digits joined by spaces, dots, dashes, slashes or
 *   brackets is removed, except dates (31.12.2025, 2025-12-31), ranges of times,
 *   dates or years (8.00-16.00, 2020-2024) and thousands written in groups of
 *   three (1 500 000).
 *
 * It cannot find names, street addresses or anything else that identifies a
 * person in ordinary words ("Matti Virtanen, Kotikatu 5 B 12"): those need a
 * person's reading, which is why quotes are off by default and must be reviewed
 * before a report is published.
 *
 * A hand-written scanner in linear time, with no backtracking patterns:
 * every character is looked at a bounded number of times.
 */
export function redactPersonalData(text: string, meter?: WorkMeter): string {
  const spans: Span[] = [...emailSpans(text, meter), ...identityCodeSpans(text, meter), ...phoneSpans(text, meter)];
  if (spans.length === 0) return text;
  spans.sort((a, b) => a.from - b.from);
  let out = '';
  let at = 0;
  for (let i = 0; i < spans.length; ) {
    const from = spans[i].from;
    let to = spans[i].to;
    // Overlapping or touching pieces are removed as one.
    for (i++; i < spans.length && spans[i].from <= to; i++) to = Math.max(to, spans[i].to);
    out += text.slice(at, from) + REDACTED;
    at = to;
  }
  return out + text.slice(at);
}

/** A piece of text to remove: [from, to). */
interface Span {
  from: number;
  to: number;
}

const WORD = /[\p{L}\p{N}]/u;

function isDigit(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 48 && c <= 57;
}

/** A letter or digit (a surrogate counts as one: conservative for letters outside the BMP). */
function isWordChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (Number.isNaN(c)) return false;
  if (c < 128) return (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122);
  if (c >= 0xd800 && c <= 0xdfff) return true;
  return WORD.test(text[i]);
}

function isSpace(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c === 32 || c === 0xa0 || c === 0x202f || c === 0x2009 || c === 9;
}

// ---------------------------------------------------------------- e-mail

/** Characters of the part before the @ (as in local@domain). */
function isLocalChar(text: string, i: number): boolean {
  const c = text[i];
  return c === '.' || c === '_' || c === '%' || c === '+' || c === '-' || isWordChar(text, i);
}

/** Characters of one label of a domain name. */
function isLabelChar(text: string, i: number): boolean {
  const c = text[i];
  return c === '-' || c === '_' || isWordChar(text, i);
}

const OPEN = '([{<';
const CLOSE = ')]}>';

/** Whether text at i reads word (ASCII, any case) and no letter or digit follows it. */
function wordAt(text: string, i: number, word: string): boolean {
  if (text.length - i < word.length) return false;
  if (text.slice(i, i + word.length).toLowerCase() !== word) return false;
  return !isWordChar(text, i + word.length);
}

/** i past at most three spaces. */
function skipSpaces(text: string, i: number): number {
  for (let n = 0; n < 3 && isSpace(text, i); n++) i++;
  return i;
}

/**
 * The end of a spelled-out separator at i, with the spaces around it, or -1:
 * one of `bracketed` in brackets ("(at)", " [ dot ] ") or one of `spaced`
 * between spaces (" at ", " dot "). Looks at a bounded number of characters.
 */
function spelledAt(text: string, i: number, bracketed: readonly string[], spaced: readonly string[]): number {
  const j = skipSpaces(text, i);
  const open = OPEN.indexOf(text[j] ?? '\0');
  if (open >= 0) {
    const k = skipSpaces(text, j + 1);
    for (const w of bracketed) {
      if (text.slice(k, k + w.length).toLowerCase() !== w) continue;
      const close = skipSpaces(text, k + w.length);
      if (text[close] === CLOSE[open]) return skipSpaces(text, close + 1);
    }
    return -1;
  }
  if (j === i) return -1;
  for (const w of spaced) {
    if (!wordAt(text, j, w)) continue;
    const after = skipSpaces(text, j + w.length);
    if (after > j + w.length) return after;
  }
  return -1;
}

/** The end of an @ or a spelled-out one at i (with the spaces around it), or -1. */
function atSignAt(text: string, i: number): number {
  const j = skipSpaces(text, i);
  if (text[j] === '@') return skipSpaces(text, j + 1);
  return spelledAt(text, i, ['at', 'ät', 'a', '@'], ['at', 'ät']);
}

/** The end of a dot between two labels at i, or -1. */
function dotAt(text: string, i: number): number {
  if (text[i] === '.') return i + 1;
  return spelledAt(text, i, ['dot', 'piste', '.'], ['dot', 'piste']);
}

/** The longest spelled-out dot: " ( piste ) " with three spaces at each end and inside. */
const LONGEST_DOT = 23;

/** The start of a spelled-out dot that ends at `end`, not before `bound`, or -1. */
function spelledDotBefore(text: string, end: number, bound: number): number {
  for (let from = Math.max(bound, end - LONGEST_DOT); from < end; from++) {
    if ((from === bound || !isSpace(text, from - 1)) && text[from] !== '.' && dotAt(text, from) === end) return from;
  }
  return -1;
}

/**
 * E-mail addresses: local@domain.tld, with the @ and the dots also spelled
 * out. The domain is labels joined by dots and ends with a top-level domain
 * that starts with two letters. Each @ looks left no further than the
 * previous @ or address, and right over labels and dots only (which hold no
 * @), so every character is looked at a bounded number of times.
 */
function emailSpans(text: string, meter?: WorkMeter): Span[] {
  const spans: Span[] = [];
  /** Where the local part of the next address may start at the earliest. */
  let bound = 0;
  for (let i = 1; i < text.length; i++) {
    if (meter) meter.steps++;
    const c = text[i];
    if (c !== '@' && !isSpace(text, i) && !OPEN.includes(c)) continue;
    if (!isLocalChar(text, i - 1)) continue;
    // Each spelled-out @ or dot is read in at most LONGEST_DOT characters, and one is looked for before a label in at most LONGEST_DOT².
    if (meter) meter.steps += LONGEST_DOT;
    const after = atSignAt(text, i);
    if (after < 0) continue;
    // Right: label (dot label)*, ending with a top-level domain.
    let end = -1;
    let j = after;
    for (let labels = 1; ; labels++) {
      const start = j;
      while (isLabelChar(text, j)) j++;
      if (meter) meter.steps += j - start + 1 + LONGEST_DOT;
      if (j === start) break;
      if (labels >= 2 && /^\p{L}\p{L}/u.test(text.slice(start, start + 2))) end = j;
      const next = dotAt(text, j);
      if (next < 0 || !isLabelChar(text, next)) break;
      j = next;
    }
    // Left: the local part, also with spelled-out dots (matti dot virtanen at …).
    let from = i;
    for (;;) {
      const stop = from;
      while (from > bound && isLocalChar(text, from - 1)) from--;
      if (meter) meter.steps += stop - from + 1 + LONGEST_DOT * LONGEST_DOT;
      if (from === stop) break;
      const dot = spelledDotBefore(text, from, bound);
      if (dot <= bound || !isLocalChar(text, dot - 1)) break;
      from = dot;
    }
    bound = after;
    if (end < 0 || from === i) continue;
    spans.push({ from, to: end });
    bound = end;
    i = end - 1;
  }
  return spans;
}

// ---------------------------------------------------------------- personal identity codes

const CENTURY = '+-ABCDEFUVWXY';

/** Finnish personal identity codes: DDMMYY, a century sign, NNN and a check character, with any letters or digits run on. */
function identityCodeSpans(text: string, meter?: WorkMeter): Span[] {
  const spans: Span[] = [];
  for (let i = 0; i + 11 <= text.length; i++) {
    if (meter) meter.steps++;
    if (!isDigit(text, i) || (i > 0 && isDigit(text, i - 1))) continue;
    let ok = true;
    for (let k = 1; k < 6 && ok; k++) ok = isDigit(text, i + k);
    ok &&= CENTURY.includes(text[i + 6].toUpperCase()) && isDigit(text, i + 7) && isDigit(text, i + 8) && isDigit(text, i + 9) && isWordChar(text, i + 10);
    if (!ok) continue;
    let end = i + 11;
    while (isWordChar(text, end)) end++;
    if (meter) meter.steps += end - i;
    spans.push({ from: i, to: end });
    i = end - 1;
  }
  return spans;
}

// ---------------------------------------------------------------- phone numbers

/** Characters that may join the digit groups of a phone number. */
const JOINERS = ' \u00a0\u202f\u2009.-–/()';
const DASHES = '-–';

/**
 * Runs of digit groups joined by up to three joiner characters (040 123 4567,
 * +358 (0)40-123 4567), each judged by isPhoneNumber. A run starts at a digit,
 * or at a + or ( right before it, and ends at its last digit; runs do not
 * overlap, so the scan is linear.
 */
function phoneSpans(text: string, meter?: WorkMeter): Span[] {
  const spans: Span[] = [];
  let i = 0;
  while (i < text.length) {
    if (meter) meter.steps++;
    if (!isDigit(text, i)) {
      i++;
      continue;
    }
    // A leading + or ( belongs to the number: +358 …, (09) …, (+358) …
    let from = i;
    let plus = false;
    for (let k = 0; k < 2; k++) {
      if (text[from - 1] === '(') from--;
      else if (text[from - 1] === '+' && !plus) {
        plus = true;
        from--;
      }
    }
    const groups: string[] = [];
    const joins: string[] = [];
    let j = i;
    for (;;) {
      const start = j;
      while (isDigit(text, j)) j++;
      groups.push(text.slice(start, j));
      let k = j;
      while (k - j < 3 && JOINERS.includes(text[k] ?? '\0')) k++;
      if (meter) meter.steps += k - start;
      if (k === j || !isDigit(text, k)) break;
      joins.push(text.slice(j, k));
      j = k;
    }
    if (isPhoneNumber(groups, joins, plus)) spans.push({ from, to: j });
    i = j;
  }
  return spans;
}

/** A day and month, or a date: 31.12. 31.12.25 31.12.2025 (also with slashes). */
function isDate(groups: string[], joins: string[]): boolean {
  if (groups.length < 2 || groups.length > 3) return false;
  if (!joins.every((j) => j === '.' || j === '/' || j === '. ')) return false;
  return groups[0].length <= 2 && groups[1].length <= 2 && (groups.length === 2 || groups[2].length === 2 || groups[2].length === 4);
}

/** A time: 8.00, 16:00 is not a run. */
function isTime(groups: string[], joins: string[]): boolean {
  return groups.length === 2 && joins[0] === '.' && groups[0].length <= 2 && groups[1].length === 2;
}

/** An ISO date: 2025-12-31. */
function isIsoDate(groups: string[], joins: string[]): boolean {
  return groups.length === 3 && joins.every((j) => j === '-') && groups[0].length === 4 && groups[1].length === 2 && groups[2].length === 2;
}

/** An ordinary number: a year or any other of at most four digits that does not start with 0 (a phone number does). */
function isPlainNumber(groups: string[]): boolean {
  return groups.length === 1 && groups[0].length <= 4 && (groups[0] === '0' || groups[0][0] !== '0');
}

/** Thousands in groups of three: 1 500 000 or 1.500.000 (one kind of joiner, no leading 0). */
function isThousands(groups: string[], joins: string[]): boolean {
  if (groups.length < 2 || groups[0].length > 3 || groups[0][0] === '0') return false;
  if (!joins.every((j) => j === joins[0]) || !['\u00a0', ' ', '\u202f', '\u2009', '.'].includes(joins[0])) return false;
  return groups.slice(1).every((g) => g.length === 3);
}

/**
 * Whether a run of digit groups is (or could be) a phone number: any run of
 * seven or more digits, with a leading +, or not read as a date, a time, a
 * range of them (8.00-16.00, 2020–2024, 1.1.-31.12.2025) or thousands in
 * groups of three.
 */
function isPhoneNumber(groups: string[], joins: string[], plus: boolean): boolean {
  const digits = groups.reduce((n, g) => n + g.length, 0);
  if (digits < 7) return false;
  if (plus) return true;
  if (isDate(groups, joins) || isIsoDate(groups, joins) || isThousands(groups, joins)) return false;
  // A range: two sides joined by one dash, each a date, a time or a plain number.
  const dashes = joins.flatMap((j, k) => ([...j].some((c) => DASHES.includes(c)) ? [k] : []));
  if (dashes.length === 1) {
    const k = dashes[0];
    const leftJoins = joins.slice(0, k);
    const rightJoins = joins.slice(k + 1);
    const left = groups.slice(0, k + 1);
    const right = groups.slice(k + 1);
    const side = (g: string[], j: string[]) => isDate(g, j) || isTime(g, j) || isThousands(g, j) || isPlainNumber(g);
    return !(side(left, leftJoins) && side(right, rightJoins));
  }
  return true;
}
