/** What stands in place of removed personal data in a published quote. */
export const REDACTED = '[…]';

// E-mail addresses, and phone numbers in Finnish and international forms:
// 040 123 4567, 040-1234567, +358 40 987 6543, (09) 123 4567.
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
const PHONE = /(?<![\p{L}\p{N}])(?:\+\d{1,3}[\s-]?)?(?:\(?\d{2,4}\)?[\s-]?)(?:\d[\s-]?){4,9}\d(?![\p{L}\p{N}])/gu;

/**
 * Removes e-mail addresses and phone numbers from an open answer before it can be
 * published. Conservative: a long run of digits is treated as a phone number.
 */
export function redactPersonalData(text: string): string {
  return text.replace(EMAIL, REDACTED).replace(PHONE, REDACTED);
}
