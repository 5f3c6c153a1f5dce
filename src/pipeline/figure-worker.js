// A thread drawing figure files (see drawFigureFiles in figure-files.ts): it is given
// the model once and then one edition and language at a time. Plain JavaScript, as an
// installed Luotain must strip the types of its sources in this thread too.
import { parentPort, workerData } from 'node:worker_threads';

if (import.meta.url.includes('/node_modules/')) await (await import('../../bin/strip-types.js')).stripTypesInPackage();
const { drawEdition } = await import('./figure-files.ts');

parentPort.on('message', async (job) => {
  try {
    parentPort.postMessage(await drawEdition(workerData, job));
  } catch (error) {
    parentPort.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
