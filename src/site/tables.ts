/** A table as displayed: header texts and rows of formatted cells. */
export interface TableView {
  caption?: string;
  head: string[];
  /** Which columns are numeric (right-aligned). */
  numeric: boolean[];
  rows: { text: string; suppressed?: boolean }[][];
}
