/**
 * Adversarial cases that used to hang the build: label wrapping was cubic (a
 * 5,000-character label took more than 600 s, one 3,000-character word 3.6 s
 * per call) and the redaction patterns backtracked (a 50,000-character open
 * answer took 200 s). Each case bounds the WORK, counted by the function
 * itself through its optional meter, never the time: at most a constant per
 * character, and about ten times the work for ten times the input.
 */
import { describe, expect, it } from 'vitest';
import { LABEL_WRAP_WIDTH, textWidth, wrapText, type WorkMeter } from '../../src/charts/text.ts';
import { MAX_QUOTE_LENGTH, QuoteSampler } from '../../src/load/quote-sample.ts';
import { redactPersonalData } from '../../src/model/redact.ts';

/** The work of f on an input of length n, counted by its meter. */
function work(f: (meter: WorkMeter) => unknown): number {
  const meter = { steps: 0 };
  f(meter);
  return meter.steps;
}

/**
 * Asserts that the work for inputs of n and 10 n characters is at most
 * `perChar` steps per character and grows linearly (10 n costs at most 11 × n).
 */
function expectLinear(make: (n: number) => string, run: (text: string, meter: WorkMeter) => unknown, perChar: number, n = 5_000): void {
  const small = make(n);
  const large = make(10 * n);
  const a = work((m) => run(small, m));
  const b = work((m) => run(large, m));
  expect(a).toBeGreaterThan(0);
  expect(a).toBeLessThanOrEqual(perChar * small.length);
  expect(b).toBeLessThanOrEqual(perChar * large.length);
  expect(b).toBeLessThanOrEqual(11 * a);
}

describe('hang: label wrapping', () => {
  const wrap = (text: string, meter: WorkMeter) => wrapText(text, LABEL_WRAP_WIDTH, 12, 3, meter);

  // The lines the former (cubic) wrapping gave for a tenth of this label; on all of it, it never finished.
  it('hang: 5,000-character label is cut to three lines with an ellipsis in linear work', () => {
    const label = 'Yhteiskuntavastuullisuus ja ympäristövaikutusten huomioiminen kaikessa toiminnassa '.repeat(60).slice(0, 5_000);
    const lines = wrapText(label);
    expect(lines).toEqual(['Yhteiskuntavastuullisuus ja ympäristövaikutusten', 'huomioiminen kaikessa toiminnassa', 'Yhteiskuntavastuullisuus ja ympäristövaikutuste…']);
    for (const line of lines) expect(textWidth(line)).toBeLessThanOrEqual(LABEL_WRAP_WIDTH * 1.2);
    expectLinear((n) => label.repeat(Math.ceil(n / label.length)).slice(0, n), wrap, 10);
  });

  it('hang: 3,000-character word is hyphenated into three lines and cut in linear work', () => {
    const lines = wrapText('a'.repeat(3_000));
    expect(lines).toEqual(['a'.repeat(41) + '-', 'a'.repeat(41) + '-', 'a'.repeat(40) + '…']);
    expectLinear((n) => 'a'.repeat(n), wrap, 10);
  });

  it('hang: long label on one line (maxLines 1) is cut with an ellipsis in linear work', () => {
    expect(wrapText('Asiakaspalvelu '.repeat(400), 100, 12, 1)).toEqual(['Asiakaspalvelu…']);
    expectLinear(
      (n) => 'Asiakaspalvelu '.repeat(n / 15),
      (text, meter) => wrapText(text, 100, 12, 1, meter),
      10,
    );
  });

  it('hang: many one-letter words (the most lines to balance) in linear work', () => {
    expectLinear((n) => 'i '.repeat(n / 2), wrap, 10);
  });

  it('hang: hyphenated compound words in linear work', () => {
    expectLinear((n) => 'kunta-alan-'.repeat(n / 11), wrap, 10);
  });

  it('hang: a width narrower than one letter ends (it used to loop forever)', () => {
    expect(wrapText('mm', 5)).toEqual(['m-', 'm']);
  });

  it('a label that fits in three lines is still balanced (bounded work however many words)', () => {
    const label = 'hyvä palvelu '.repeat(4).trim();
    expect(wrapText(label)).toEqual(['hyvä palvelu hyvä palvelu', 'hyvä palvelu hyvä palvelu']);
    expect(work((m) => wrapText(label, LABEL_WRAP_WIDTH, 12, 3, m))).toBeLessThanOrEqual(20 * label.length);
  });
});

describe('hang: redaction of open answers', () => {
  const redact = (text: string, meter: WorkMeter) => redactPersonalData(text, meter);
  // The e-mail scanner charges a spelled-out separator's bounded look-ahead as 23 steps, and a look for one before a label as 23².
  const PER_CHAR = 600;

  it.each<[string, (n: number) => string]>([
    ['hang: 50,000-character answer of letters ending in @', (n) => 'a'.repeat(n - 1) + '@'],
    ['hang: answer of a@a@a@…', (n) => 'a@'.repeat(n / 2)],
    ['hang: answer of a.a.a.… (a domain without a top-level domain)', (n) => 'a.'.repeat(n / 2)],
    ['hang: answer of "a at a at …"', (n) => 'a at '.repeat(n / 5)],
    ['hang: answer of "a dot a dot …" ending in an at', (n) => 'a dot '.repeat(n / 6) + 'at b'],
    ['hang: answer of "x at b dot b dot …" (a long spelled-out domain)', (n) => 'x at ' + 'b dot '.repeat(n / 6)],
    ['hang: answer of (at)(at)…', (n) => '(at)'.repeat(n / 4)],
    ['hang: answer of "a (dot) a (dot) …" ending in @b', (n) => 'a (dot) '.repeat(n / 8) + '@b'],
    ['hang: answer of 50,000 digits', (n) => '0'.repeat(n)],
    ['hang: answer of "1 1 1 …" (one long run of digit groups)', (n) => '1 '.repeat(n / 2)],
    ['hang: answer of 010190-010190-… (almost identity codes)', (n) => '010190-'.repeat(n / 7)],
    ['hang: answer of many e-mail addresses', (n) => 'matti.virtanen@example.fi '.repeat(n / 26)],
    ['hang: answer of mixed near-misses', (n) => 'x@y.z1 (at) [dot] 040 - '.repeat(n / 24)],
  ])('%s costs linear work', (_name, make) => {
    expectLinear(make, redact, PER_CHAR);
  });

  it('hang: 100,000-character answer with an address at the end is redacted in linear work', () => {
    const text = 'a'.repeat(100_000) + ' matti@example.fi';
    const meter = { steps: 0 };
    expect(redactPersonalData(text, meter)).toBe('a'.repeat(100_000) + ' […]');
    expect(meter.steps).toBeLessThanOrEqual(10 * text.length);
  });

  it(`hang: an open answer longer than ${MAX_QUOTE_LENGTH.toLocaleString('en-US')} characters is not considered for quotes`, () => {
    const sampler = new QuoteSampler(1, 8);
    sampler.offer(0, 'r1', 'x'.repeat(50_000), 7);
    sampler.offer(0, 'r2', 'Hyvä palvelu', 8);
    expect(sampler.result()).toEqual([[{ id: 'r2', text: 'Hyvä palvelu' }]]);
  });
});

describe('hang: open answers too long to quote', () => {
  it('hang: over-long open answers give one warning for the column, with the count and the first lines', () => {
    const sampler = new QuoteSampler(2, 8);
    for (let line = 2; line < 12; line++) sampler.offer(line % 2, `r${line}`, 'x'.repeat(MAX_QUOTE_LENGTH + line), line);
    sampler.offer(0, 'r99', 'x'.repeat(MAX_QUOTE_LENGTH), 99);
    expect(sampler.lengthWarning('why')).toEqual({
      line: 2,
      column: 'why',
      message: '10 open answers are longer than 2,000 characters and not considered for quotes (lines 2, 3, 4, 5, 6, …)',
      hint: 'Answers this long are left out of the published quotes. If the column should not hold them, look for a missing closing quote that joins many fields into one.',
    });
    expect(sampler.result()).toEqual([[{ id: 'r99', text: 'x'.repeat(MAX_QUOTE_LENGTH) }], []]);
  });

  it('hang: one over-long answer read in place (offerAt) is counted by its trimmed length, whatever its rank', () => {
    const sampler = new QuoteSampler(1, 1);
    const row = `r1;  ${'y'.repeat(MAX_QUOTE_LENGTH)}  \nr2;${'z'.repeat(MAX_QUOTE_LENGTH + 1)}`;
    const second = row.indexOf('\n') + 1;
    sampler.offerAt(0, row, 0, 2, 3, row.indexOf('\n'), 2);
    sampler.offerAt(0, row, second, second + 2, second + 3, row.length, 3);
    expect(sampler.result()).toEqual([[{ id: 'r1', text: 'y'.repeat(MAX_QUOTE_LENGTH) }]]);
    expect(sampler.lengthWarning('why')?.message).toBe('an open answer is longer than 2,000 characters and not considered for quotes (line 3)');
  });

  it('no warning when every answer is short enough', () => {
    const sampler = new QuoteSampler(1, 8);
    sampler.offer(0, 'r1', 'Hyvä', 2);
    expect(sampler.lengthWarning('why')).toBeUndefined();
  });
});
