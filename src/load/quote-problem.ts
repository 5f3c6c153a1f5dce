/** A quoting problem papaparse found in a row. */
export type QuoteProblem = 'unclosed' | 'malformed';

/** The message and hint of a quoting problem. */
export function quoteMessage(problem: QuoteProblem): { message: string; hint: string } {
  return problem === 'unclosed'
    ? {
        message: 'a quoted field starts on this line but its closing quote is missing, so the rest of the file was read into it',
        hint: 'Add the missing closing quote ("); a quote inside a quoted text is written twice ("").',
      }
    : {
        message: 'a quoted field has text after its closing quote, so what follows, up to the next quote, was read into it',
        hint: 'A quote inside a quoted text is written twice (""), and the whole field is put in quotes: "He said ""yes"" twice".',
      };
}
