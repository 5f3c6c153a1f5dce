import { studySchema, type Study } from './schema.ts';

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
  const problems = result.error.issues.map((issue) => ({
    path: formatPath(issue.path),
    message: issue.code === 'unrecognized_keys' ? `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}` : issue.message,
  }));
  return { ok: false, problems };
}
