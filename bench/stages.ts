/**
 * The load and the single-pass estimation on their own, for a study folder:
 * what `luotain compute` costs once the model uses DomainMoments. Prints
 * {"rows", "loadMs", "momentsMs", "ms", "maxRssKb"} as JSON.
 *
 *   node bench/stages.ts DIR
 */
import { readStudy } from '../src/load/read-study.ts';
import { answerValues } from '../src/load/answers.ts';
import { DomainMoments, itemVariable, npsVariable, prepareDomains, respondentMeans, type MomentVariable, type Partition } from '../src/estimate/index.ts';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node bench/stages.ts DIR');
  process.exit(2);
}
const t0 = performance.now();
const load = await readStudy(dir);
const t1 = performance.now();
const study = load.study!;
let rows = 0;
for (const data of load.editions) {
  rows += data.n;
  const { min, max } = study.scale;
  const points = max - min + 1;
  const mid = (min + max) / 2;
  const variables: MomentVariable[] = study.items.map((x) => itemVariable(data.items.get(x.id)!.codes, points));
  if (data.nps) variables.push(npsVariable(data.nps));
  const scores = new Map<string, Float64Array>();
  for (const d of study.dimensions) scores.set(d.id, respondentMeans(d.items.map((id) => answerValues(data.items.get(id)!, min))));
  for (const x of study.indices) scores.set(x.id, respondentMeans((x.dimensions ?? x.items ?? []).map((id) => scores.get(id) ?? answerValues(data.items.get(id)!, min))));
  for (const s of scores.values()) variables.push({ kind: 'numeric', values: s, centre: mid });
  const partitions: Partition[] = [
    { classes: 1 },
    { codes: data.group, classes: study.groups.length },
    ...study.background.map((b) => ({ codes: data.background.get(b.id)!, classes: b.values.length })),
  ];
  DomainMoments.compute(prepareDomains({ strata: data.group, weights: data.weight, strataCount: study.groups.length }, partitions), variables);
}
const t2 = performance.now();
console.log(JSON.stringify({ rows, loadMs: Math.round(t1 - t0), momentsMs: Math.round(t2 - t1), ms: Math.round(t2 - t0), maxRssKb: process.resourceUsage().maxRSS }));
