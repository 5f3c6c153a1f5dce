import type { EditionModel, ReportModel } from '../model/types.ts';
import { editionFigures } from '../publish/figures.ts';

const HEADER = ['edition', 'breakdown', 'domain', 'indicator', 'kind', 'statistic', 'value'];

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * The indicators of editions as a flat long CSV (one figure per line) that opens in
 * any spreadsheet. Withheld cells appear only as "suppressed"; cells under 5 answers not at all.
 */
export function indicatorsCsv(model: ReportModel, editions: readonly EditionModel[] = model.editions): string {
  const lines = [HEADER.join(',')];
  for (const edition of editions) {
    for (const row of editionFigures(model, edition)) lines.push([String(edition.year), ...row].map(csvField).join(','));
  }
  return lines.join('\n') + '\n';
}
