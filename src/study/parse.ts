import { crossCheck, studySchema, type Study } from './schema.ts';

/** One problem in a study definition, located by its JSON path. */
export interface StudyProblem {
  path: string;
  message: string;
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

/**
 * Turns the text of a study.json into a validated study, or into every
 * problem found, each with its JSON path.
 */
export function parseStudy(text: string): StudyParseResult {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { ok: false, problems: [{ path: '(file)', message: `not valid JSON: ${(error as Error).message}` }] };
  }
  const result = studySchema.safeParse(json);
  if (result.success) return { ok: true, study: result.data };
  const problems: StudyProblem[] = result.error.issues.map((issue) => ({
    path: formatPath(issue.path),
    message: issue.code === 'unrecognized_keys' ? `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}` : issue.message,
  }));
  // Zod skips the cross-reference checks when the structure is wrong; run them on the
  // raw definition too, so that one run lists every problem.
  if (json !== null && typeof json === 'object' && !Array.isArray(json)) {
    const seen = new Set(problems.map((p) => `${p.path}: ${p.message}`));
    try {
      crossCheck(json as Parameters<typeof crossCheck>[0], (path, message) => {
        const problem = { path: formatPath(path), message };
        if (!seen.has(`${problem.path}: ${message}`)) problems.push(problem);
      });
    } catch {
      // A definition too malformed to cross-check: its structural problems are listed already.
    }
  }
  return { ok: false, problems };
}
