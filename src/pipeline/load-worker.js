// A thread loading and computing the report (see loadReportOffThread in load-off-thread.ts):
// it is given loadReport's options and answers with the model and the issues. Plain
// JavaScript, as an installed Luotain must strip the types of its sources in this thread too.
import { parentPort, workerData } from 'node:worker_threads';

if (import.meta.url.includes('/node_modules/')) await (await import('../../bin/strip-types.js')).stripTypesInPackage();
const { loadReport } = await import('./load-report.ts');

const { model, issues } = await loadReport(workerData);
parentPort.postMessage({ model, issues });
