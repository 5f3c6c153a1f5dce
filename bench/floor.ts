/**
 * The floor of the benchmark: streams a CSV file through papaparse with a
 * no-op step and nothing else (no decoding checks, no validation, nothing
 * kept). Prints {"rows": …, "ms": …, "maxRssKb": …} as JSON.
 *
 *   node bench/floor.ts FILE
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
    step() {
      rows++;
    },
    complete: () => resolve(),
    error: (e: Error) => reject(e),
  });
});
const ms = performance.now() - start;
console.log(JSON.stringify({ rows, ms, maxRssKb: process.resourceUsage().maxRSS }));
