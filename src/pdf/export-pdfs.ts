import type { Effects } from '../cli/effects.ts';
import type { ReportModel } from '../model/types.ts';

/** Renders one PDF per edition and language from the built site in `siteDir`. */
export async function exportPdfs(_model: ReportModel, _siteDir: string, effects: Effects): Promise<{ file: string; bytes: number }[]> {
  effects.out('PDF export is not available yet');
  return [];
}
