declare module 'virtual:luotain/report' {
  const report: import('../model/types.ts').ReportModel;
  export default report;
}
