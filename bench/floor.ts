/**
 * The floor of the benchmark: streams a CSV file through papaparse in its
 * fastest documented mode for this file and nothing else (no decoding checks,
 * no validation, nothing kept): a `chunk` callback, no per-row `step`
 * callback, no header handling. Fast mode (`fastMode`, which papaparse turns on
 * by itself for a text without quotes) would misread the quoted free-text
 * answers of the benchmark's files, so it is left to papaparse to decide.
 * Prints {"rows": …, "ms": …, "maxRssKb": …} as JSON.
 *
 *   node bench/floor.ts FILE
 *
 * Measured on the 1 M-row file: reading the whole file into one string and
 * parsing that costs about twice the CPU of this stream, and over 1.2 GB.
 */
import { createReadStream } from 'node:fs';
import Papa from 'papaparse';

const file = process.argv[2];
if (!file) {
  console.error('usage: node bench/floor.ts FILE');
  process.exit(2);
}
const start = performance.now();
let rows = 0;
await new Promise<void>((resolve, reject) => {
  Papa.parse(createReadStream(file, { encoding: 'utf8' }), {
    delimiter: ',',
    newline: '\n',
    header: false,
    chunk(results: Papa.ParseResult<string[]>) {
      rows += results.data.length;
    },
    complete: () => resolve(),
    error: (e: Error) => reject(e),
  });
});
const ms = performance.now() - start;
console.log(JSON.stringify({ rows, ms, maxRssKb: process.resourceUsage().maxRSS }));
