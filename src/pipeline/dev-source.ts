import { formatIssue } from '../issues/format-issue.ts';
import type { ReportSource } from '../site/virtual-report.ts';
import { loadReport } from './load-report.ts';
import { TOOL_VERSION } from '../io/version.ts';

/** The report source of `astro dev`: recomputed whenever data or commentary change. */
export function devReportSource(dataDir: string, reportsDir: string): ReportSource {
  return {
    watch: [dataDir, reportsDir],
    async load() {
      const { model, issues } = await loadReport({ dataDir, reportsDir, today: new Date().toISOString().slice(0, 10), toolVersion: TOOL_VERSION });
      for (const issue of issues) console.error(formatIssue(issue));
      if (!model) throw new Error(`the study in ${dataDir} has errors (listed above); fix them and save again`);
      return model;
    },
  };
}
