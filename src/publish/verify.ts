import type { InputIssue } from '../issues/input-issue.ts';
import { diffFigures, type InputHashes, type PublicationRecord } from './record.ts';

/** How many changed figures a message lists before it counts the rest. */
const LISTED = 40;

/**
 * Checks a published edition against its record: any changed figure is an error
 * that lists the figures (old → new); changed inputs alone are a warning.
 */
export function verifyPublished(record: PublicationRecord, figures: Record<string, string>, inputs: InputHashes, file: string): InputIssue[] {
  // The total and the groups first: those are the figures leadership quotes.
  const rank = (key: string) => (key.startsWith('total|') ? 0 : key.startsWith('group|') ? 1 : 2);
  const changes = diffFigures(record.current.figures, figures).sort((a, b) => rank(a.key) - rank(b.key));
  const year = record.edition;
  const changedInputs = (['responses', 'study', 'benchmarks'] as const).filter((k) => record.current.inputs[k] !== inputs[k]);
  if (changes.length > 0) {
    const lines = changes.slice(0, LISTED).map((c) => `    ${c.key}: ${c.old ?? '(none)'} → ${c.new ?? '(gone)'}`);
    if (changes.length > LISTED) lines.push(`    … and ${changes.length - LISTED} more`);
    return [
      {
        severity: 'error',
        file,
        message: `edition ${year} was published as version ${record.current.version} on ${record.current.published}, but ${changes.length} of its figures are now different${changedInputs.length ? ` (changed inputs: ${changedInputs.join(', ')})` : ' (the inputs are unchanged, so the computation changed)'}:\n${lines.join('\n')}`,
        hint: `If the change is a correction, publish it as a new version: luotain publish ${year} --version <next> --note "what was corrected". Otherwise restore the inputs of version ${record.current.version}.`,
      },
    ];
  }
  if (changedInputs.length > 0) {
    return [
      {
        severity: 'warning',
        file,
        message: `the ${changedInputs.join(', ')} of edition ${year} changed since version ${record.current.version} was published, but no published figure did`,
        hint: 'Nothing to do if the change was intended (a comment or a column the report does not use).',
      },
    ];
  }
  return [];
}
