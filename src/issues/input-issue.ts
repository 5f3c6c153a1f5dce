/**
 * A problem found in the analyst's input, with where it is and what to do: the one
 * error type of every stage that reads input, and of every command that prints it.
 */
export interface InputIssue {
  severity: 'error' | 'warning';
  /** The file as the analyst named it (e.g. data/2024/responses.csv). */
  file: string;
  /** The line in a text file; in a workbook the sheet's row, in an SPSS file the case number. */
  line?: number;
  column?: string;
  /**
   * Where in a file that has no lines, named the way its format names it
   * (`sheet "Data" cell D57`, `case 56, variable "q3"`); shown instead of the
   * line and column.
   */
  place?: string;
  /** In study.json: the JSON path of the problem (e.g. dimensions[2].items[1]). */
  path?: string;
  value?: string;
  message: string;
  /** What the analyst should do about it. */
  hint?: string;
}
