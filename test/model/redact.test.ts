import { describe, expect, it } from 'vitest';
import { REDACTED, redactPersonalData } from '../../src/model/redact.ts';

describe('redactPersonalData', () => {
  it.each([
    ['soittakaa 040 123 4567 kiitos', `soittakaa ${REDACTED} kiitos`],
    ['numero 050-7654321.', `numero ${REDACTED}.`],
    ['+358 40 987 6543 iltaisin', `${REDACTED} iltaisin`],
    ['(09) 123 4567', REDACTED],
    ['044 555 0101', REDACTED],
    ['mail matti.meikalainen@example.com asap', `mail ${REDACTED} asap`],
    ['Äänestä: äijä.öljy@esimerkki.fi', `Äänestä: ${REDACTED}`],
    ['kaksi: a@b.fi ja 040 1234567', `kaksi: ${REDACTED} ja ${REDACTED}`],
  ])('removes personal data from %j', (input, expected) => {
    expect(redactPersonalData(input)).toBe(expected);
  });

  it.each(['hinta nousi 12 % vuonna 2024', 'Palvelu toimi hyvin', 'asiakkaana 15 vuotta, 3 sopimusta', 'klo 8.00–16.00'])('leaves ordinary text alone: %j', (text) => {
    expect(redactPersonalData(text)).toBe(text);
  });
});
