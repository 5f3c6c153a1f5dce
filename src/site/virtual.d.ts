declare module 'virtual:luotain/report' {
  const report: import('../model/types.ts').ReportModel;
  export default report;
  /** What this build makes besides the pages. */
  export const siteOptions: { pdf: boolean; figureFiles: boolean; office: boolean; base: string };
}
