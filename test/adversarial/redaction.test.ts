/**
 * Adversarial cases of open answers published as quotes: personal data that
 * leaked through redaction (a personal identity code, phone numbers with dots,
 * e-mail addresses with the @ spelled out) and ordinary text that must
 * survive it. Each case asserts the exact published text.
 */
import { describe, expect, it } from 'vitest';
import { REDACTED, redactPersonalData } from '../../src/model/redact.ts';

const X = REDACTED;

describe('leak: Finnish personal identity codes', () => {
  it.each([
    ['leak: Finnish personal identity code 010190-123A', 'hetu 010190-123A, kiitos', `hetu ${X}, kiitos`],
    ['leak: identity code with the 2000s century sign A', 'lapsen tunnus 010105A123B.', `lapsen tunnus ${X}.`],
    ['leak: identity code with the 1800s century sign +', '311299+1234', X],
    ['leak: identity code with a new century sign Y (1900s)', 'tunnus: 150705Y999X', `tunnus: ${X}`],
    ['leak: identity code with a new century sign E (2000s)', '(010120E0014)', `(${X})`],
    ['leak: identity code with a wrong check character', '010190-123Z', X],
    ['leak: identity code in lower case', 'hetu 010190-123a', `hetu ${X}`],
    ['leak: identity code run into the word before it', 'hetu:010190-123A', `hetu:${X}`],
    ['leak: identity code with letters run on after it', '010190-123Akiitos', X],
  ])('%s', (_name, input, expected) => {
    expect(redactPersonalData(input)).toBe(expected);
  });
});

describe('leak: phone numbers', () => {
  it.each([
    ['leak: phone number with dots 040.123.4567', 'soita 040.123.4567 illalla', `soita ${X} illalla`],
    ['leak: phone number 040-123 4567', 'numero 040-123 4567.', `numero ${X}.`],
    ['leak: phone number +358 40 123 4567', '+358 40 123 4567', X],
    ['leak: phone number +358401234567', 'puh +358401234567', `puh ${X}`],
    ['leak: phone number (09) 123 4567', 'vaihde (09) 123 4567', `vaihde ${X}`],
    ['leak: phone number +358 (0)40 123 4567', '+358 (0)40 123 4567', X],
    ['leak: phone number 00358 40 123 4567', 'ulkomailta 00358 40 123 4567', `ulkomailta ${X}`],
    ['leak: phone number 040 123 45 67', 'gsm 040 123 45 67', `gsm ${X}`],
    ['leak: phone number 0401234567 run into a word', 'puh0401234567', `puh${X}`],
    ['leak: phone number 040 - 123 4567 with spaced dash', '040 - 123 4567', X],
    ['leak: phone number 09/123 4567 with a slash', '09/123 4567', X],
    ['leak: phone number 040–1234567 with an en dash', '040–1234567', X],
    ['leak: two phone numbers in one answer', '040 123 4567 tai 050 765 4321', `${X} tai ${X}`],
    ['leak: a long run of digits is treated as a phone number', 'tilaus 12345678 ei tullut', `tilaus ${X} ei tullut`],
  ])('%s', (_name, input, expected) => {
    expect(redactPersonalData(input)).toBe(expected);
  });
});

describe('leak: e-mail addresses', () => {
  it.each([
    ['leak: e-mail address matti(at)example.fi', 'matti(at)example.fi', X],
    ['leak: e-mail address matti [at] example.fi', 'kirjoita matti [at] example.fi', `kirjoita ${X}`],
    ['leak: e-mail address matti at example dot fi', 'matti at example dot fi', X],
    ['leak: e-mail address matti (at) example (dot) fi', 'matti (at) example (dot) fi.', `${X}.`],
    ['leak: e-mail address in capitals MATTI AT EXAMPLE DOT FI', 'MATTI AT EXAMPLE DOT FI', X],
    ['leak: e-mail address matti.virtanen(a)example.fi', 'ota yhteyttä: matti.virtanen(a)example.fi kiitos', `ota yhteyttä: ${X} kiitos`],
    ['leak: e-mail address matti dot virtanen at example dot fi', 'matti dot virtanen at example dot fi', X],
    ['leak: e-mail address matti[at]example[dot]fi', 'matti[at]example[dot]fi', X],
    ['leak: e-mail address matti ät example piste fi', 'matti ät example piste fi', X],
    ['leak: e-mail address matti@example dot com', 'matti@example dot com', X],
    ['leak: e-mail address with spaces around the @', 'matti @ example.fi', X],
    ['leak: e-mail address matti at example.fi', 'osoite matti at example.fi', `osoite ${X}`],
    ['leak: e-mail address with a subdomain', 'm.v@posti.example.co.uk!', `${X}!`],
    ['leak: e-mail address and phone number side by side', 'a@b.fi/040 1234567', `${X}/${X}`],
  ])('%s', (_name, input, expected) => {
    expect(redactPersonalData(input)).toBe(expected);
  });
});

describe('ordinary text survives redaction', () => {
  it.each([
    ['kept: a year', 'hinta nousi 12 % vuonna 2024'],
    ['kept: a price', 'maksoin 30 euroa liikaa'],
    ['kept: a price in thousands', 'remontti maksoi 1 500 000 euroa'],
    ['kept: a date 1.2.2025', 'soitin 1.2.2025 eikä kukaan vastannut'],
    ['kept: a date 31.12.2025', 'sopimus päättyy 31.12.2025'],
    ['kept: an ISO date 2025-12-31', 'lasku 2025-12-31'],
    ['kept: a range of dates', 'voimassa 1.1.-31.12.2025'],
    ['kept: opening hours 8.00-16.00', 'auki klo 8.00-16.00'],
    ['kept: opening hours with an en dash', 'klo 8.00–16.00'],
    ['kept: a range of years', 'asiakkaana vuosina 2020-2024'],
    ['kept: numbers of things', 'asiakkaana 15 vuotta, 3 sopimusta'],
    ['kept: "at" in English', 'I was at home. Fine.'],
    ['kept: "at" before a time', 'meet at 9.30 ok'],
    ['kept: an @ mention without a domain', 'kiitos @kaikille'],
    ['kept: a short number', 'asiakasnumero 12345'],
  ])('%s', (_name, text) => {
    expect(redactPersonalData(text)).toBe(text);
  });

  it('not found: names and street addresses (they need a person to review the quotes)', () => {
    const text = 'Matti Virtanen, Kotikatu 5 B 12, 00100 Helsinki';
    expect(redactPersonalData(text)).toBe(text);
  });
});
