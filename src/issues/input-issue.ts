/**
 * A problem found in the analyst's input, with where it is and what to do: the one
 * error type of every stage that reads input, and of every command that prints it.
 */
export interface InputIssue {
  severity: 'error' | 'warning';
  /** The file as the analyst named it (e.g. data/2024/responses.csv). */
  file: string;
  line?: number;
  column?: string;
  /** In study.json: the JSON path of the problem (e.g. dimensions[2].items[1]). */
  path?: string;
  value?: string;
  message: string;
  /** What the analyst should do about it. */
  hint?: string;
}
