import type { InputIssue } from '../issues/input-issue.ts';
import type { Cell, EditionModel } from '../model/types.ts';
import { diffFigures, noteOptions, type InputHashes, type PublicationRecord } from './record.ts';
import type { Lang } from '../study/schema.ts';

/** How many changed figures a message lists before it counts the rest. */
const LISTED = 40;

/** Additions, listed one by one when few; when many (a statistic a later Luotain computes), counted by statistic with a few examples. */
function additionLines(additions: readonly { key: string; new?: string }[]): string[] {
  if (additions.length <= ADDITIONS_LISTED) return additions.map((c) => `    ${c.key}: ${c.new}`);
  const counts = new Map<string, number>();
  for (const c of additions) {
    const statistic = c.key.split('|').at(-1)!;
    counts.set(statistic, (counts.get(statistic) ?? 0) + 1);
  }
  return [
    `    by statistic: ${[...counts].map(([statistic, n]) => `${statistic} (${n})`).join(', ')}`,
    ...additions.slice(0, ADDITIONS_EXAMPLES).map((c) => `    ${c.key}: ${c.new}`),
    `    … and ${additions.length - ADDITIONS_EXAMPLES} more`,
  ];
}

const ADDITIONS_LISTED = 10;
const ADDITIONS_EXAMPLES = 3;

/**
 * Checks a published edition against its record. The recorded figures are the
 * contract: one that changed or is gone is an error that lists the figures
 * (old → new). Figures the record does not have (a new breakdown, item, group
 * or statistic, or figures a later Luotain computes that the recording one did
 * not) are additions, listed in a warning; changed inputs alone are a warning.
 */
export function verifyPublished(record: PublicationRecord, figures: Record<string, string>, inputs: InputHashes, file: string, languages: readonly Lang[] = []): InputIssue[] {
  // The total and the groups first: those are the figures leadership quotes.
  const rank = (key: string) => (key.startsWith('total|') ? 0 : key.startsWith('group|') ? 1 : 2);
  const diff = diffFigures(record.current.figures, figures).sort((a, b) => rank(a.key) - rank(b.key));
  const changes = diff.filter((c) => c.old !== undefined);
  const additions = diff.filter((c) => c.old === undefined);
  const year = record.edition;
  const changedInputs = (['responses', 'study', 'benchmarks'] as const).filter((k) => record.current.inputs[k] !== inputs[k]);
  const out: InputIssue[] = [];
  if (additions.length > 0 && changes.length === 0) {
    out.push({
      severity: 'warning',
      file,
      message: `edition ${year} (version ${record.current.version}) now has ${additions.length} ${additions.length === 1 ? 'figure' : 'figures'} its publication record does not have; every recorded figure is unchanged. Additions:\n${additionLines(additions).join('\n')}`,
      hint: `Nothing to do: the additions (a new breakdown, question or statistic) are shown beside the published figures. To record them too, publish a new version: luotain publish ${year} --version <next> ${noteOptions(languages, 'what was added')}.`,
    });
  }
  if (changes.length > 0) {
    const lines = changes.slice(0, LISTED).map((c) => `    ${c.key}: ${c.old} → ${c.new ?? '(gone)'}`);
    if (changes.length > LISTED) lines.push(`    … and ${changes.length - LISTED} more`);
    if (additions.length > 0) lines.push(`    (and ${additions.length} ${additions.length === 1 ? 'figure' : 'figures'} the record does not have, which are additions)`);
    return [
      {
        severity: 'error',
        file,
        message: `edition ${year} was published as version ${record.current.version} on ${record.current.published}, but ${changes.length} of its figures are now different${changedInputs.length ? ` (changed inputs: ${changedInputs.join(', ')})` : ' (the inputs are unchanged, so the computation changed)'}:\n${lines.join('\n')}`,
        hint: `If the change is a correction, publish it as a new version: luotain publish ${year} --version <next> ${noteOptions(languages, 'what was corrected')}. Otherwise restore the inputs of version ${record.current.version}.`,
      },
    ];
  }
  if (changedInputs.length > 0) {
    out.push({
      severity: 'warning',
      file,
      message: `the ${changedInputs.join(', ')} of edition ${year} changed since version ${record.current.version} was published, but no published figure did`,
      hint: 'Nothing to do if the change was intended (a comment or a column the report does not use).',
    });
  }
  return out;
}

/** The shown share cells of an edition: top box, distribution, can't say and NPS parts, in every domain. */
function shareCells(edition: EditionModel): Extract<Cell, { shown: true }>[] {
  return edition.indicators.flatMap((x) =>
    Object.values(x.stats).flatMap((s) =>
      [s.topBox, ...(s.distribution ?? []), s.cantSay, s.promoters, s.passives, s.detractors].filter((c): c is Extract<Cell, { shown: true }> => c?.shown === true),
    ),
  );
}

/**
 * The warning for an edition published with symmetric intervals for its
 * shares (a record from before the logit interval): it keeps them, so that
 * its published figures stay as they were, until a new version is published.
 * Undefined for an edition with logit intervals.
 */
export function symmetricIntervalWarning(edition: EditionModel, file: string, languages: readonly Lang[] = []): InputIssue | undefined {
  if (edition.shareInterval !== 'wald') return undefined;
  const outside = shareCells(edition).filter((c) => c.ci[0] < 0 || c.ci[1] > 1).length;
  const year = edition.year;
  return {
    severity: 'warning',
    file,
    message: `${year} was published with symmetric intervals for shares (the share ± 1.96 standard errors)${outside > 0 ? `, ${outside} of which reach below 0 % or above 100 %` : ''}; its downloads and method text keep them as published, while drafts and editions published from now on have logit intervals, which stay within 0–100 %`,
    hint: `Publish a new version to adopt the logit interval: luotain publish ${year} --version <next> ${noteOptions(languages, 'Intervals of shares by the logit method')}.`,
  };
}
