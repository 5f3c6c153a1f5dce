/**
 * loadReport on a thread of its own, so that the calling thread can meanwhile do
 * what needs no model (a build bundles its pages). The model and the issues come
 * back as structured clones, the same data as loadReport gives.
 */
import { Worker } from 'node:worker_threads';
import type { InputIssue } from '../issues/input-issue.ts';
import type { ReportModel } from '../model/types.ts';
import type { LoadReportOptions } from './load-report.ts';

export type LoadOffThreadOptions = Omit<LoadReportOptions, 'onProgress'>;

/** The loading under way: its result, and a way to stop it (when the build stops before it needs the result). */
export interface Loading {
  result: Promise<{ model?: ReportModel; issues: InputIssue[] }>;
  /** Stops the thread; the result, if not in yet, is then an error. */
  cancel(): Promise<void>;
}

export function loadReportOffThread(options: LoadOffThreadOptions): Loading {
  const worker = new Worker(new URL('./load-worker.js', import.meta.url), { workerData: options });
  const result = new Promise<{ model?: ReportModel; issues: InputIssue[] }>((resolve, reject) => {
    let answered = false;
    worker.once('message', (result: { model?: ReportModel; issues: InputIssue[] }) => {
      answered = true;
      resolve(result);
      void worker.terminate();
    });
    // A fault in the loading (not an input problem, which is an issue) comes here with its stack.
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (!answered) reject(new Error(`the thread loading the study stopped (exit code ${code}) before it answered`));
    });
  });
  result.catch(() => {});
  return {
    result,
    cancel: async () => {
      await worker.terminate();
    },
  };
}
