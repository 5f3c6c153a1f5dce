import { scanJson, type DuplicateKey } from './json-scan.ts';
import { crossCheck, studySchema, type Study } from './schema.ts';
import { isLang } from '../i18n/index.ts';
import { schemaMessage } from './zod-messages.ts';

/**
 * One problem in a study definition, located by its JSON path. A problem that
 * belongs to a line of the file (bad syntax, a key written twice) names the
 * line in its message.
 */
export interface StudyProblem {
  path: string;
  message: string;
  /** What to write instead, when there is more to say than the message. */
  hint?: string;
}

export type StudyParseResult = { ok: true; study: Study } | { ok: false; problems: StudyProblem[] };

/** Formats a zod issue path the way editors show it: `dimensions[2].items[1]`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(top level)' : out;
}

/** A key written twice: JSON.parse would silently keep the last value. */
function duplicateProblem(d: DuplicateKey): StudyProblem {
  const object = d.objectPath.length === 0 ? 'the top-level object' : formatPath(d.objectPath);
  const also = d.earlierLines.length === 1 ? `line ${d.earlierLines[0]}` : `lines ${d.earlierLines.slice(0, -1).join(', ')} and ${d.earlierLines.at(-1)}`;
  return {
    path: formatPath([...d.objectPath, d.key]),
    message: `duplicate key "${d.key}" on line ${d.line} (also on ${also}) in ${object}; only the last one would count`,
    hint: `Keep one "${d.key}" in ${object} and delete the other${d.earlierLines.length > 1 ? 's' : ''}.`,
  };
}

/**
 * Turns the text of a study.json into a validated study, or into every
 * problem found, each with its JSON path.
 */
export function parseStudy(text: string): StudyParseResult {
  const source = text.replace(/^\uFEFF/, '');
  const scan = scanJson(source);
  if (!scan.ok) {
    const { line, column, message } = scan.error;
    return { ok: false, problems: [{ path: '(file)', message: `not valid JSON: line ${line}, column ${column}: ${message}` }] };
  }
  const json: unknown = JSON.parse(source);
  const problems: StudyProblem[] = scan.duplicates.map(duplicateProblem);
  const result = studySchema.safeParse(json);
  if (result.success && problems.length === 0) return { ok: true, study: result.data };
  problems.push(
    ...(result.error?.issues ?? []).map((issue) => {
      const hint =
        issue.code === 'custom' && typeof issue.params?.hint === 'string'
          ? issue.params.hint
          : issue.code === 'too_big' && issue.origin === 'string' && isLang(String(issue.path.at(-1)))
            ? 'Shorten it; a longer explanation belongs in the commentary (reports/<year>/<lang>/<section>.md).'
            : undefined;
      return {
        path: formatPath(issue.path),
        message: schemaMessage(issue, json),
        ...(hint !== undefined ? { hint } : {}),
      };
    }),
  );
  if (result.success) return { ok: false, problems };
  // Zod skips the cross-reference checks when the structure is wrong; run them on the
  // raw definition too, so that one run lists every problem.
  if (json !== null && typeof json === 'object' && !Array.isArray(json)) {
    const seen = new Set(problems.map((p) => `${p.path}: ${p.message}`));
    try {
      crossCheck(json as Parameters<typeof crossCheck>[0], (path, message, hint) => {
        const problem = { path: formatPath(path), message, ...(hint !== undefined ? { hint } : {}) };
        if (!seen.has(`${problem.path}: ${message}`)) problems.push(problem);
      });
    } catch {
      // A definition too malformed to cross-check: its structural problems are listed already.
    }
  }
  return { ok: false, problems };
}
