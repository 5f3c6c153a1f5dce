import { z } from 'zod';
import type { InputIssue } from '../issues/input-issue.ts';
import { formatPath } from '../study/parse.ts';
import { LANGUAGES } from '../study/schema.ts';
import type { PublicationRecord } from './record.ts';

const hashes = z.object({ responses: z.string(), study: z.string(), benchmarks: z.string().optional() }).strict();
const version = {
  version: z.string().regex(/^\d+(\.\d+)*$/),
  published: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  toolVersion: z.string(),
  inputs: hashes,
  // One text in records written before notes had languages; a text per language since.
  note: z.union([z.string(), z.object(Object.fromEntries(LANGUAGES.map((lang) => [lang, z.string().optional()]))).strict()]).optional(),
  methods: z
    .object({ shareInterval: z.enum(['logit', 'wald']) })
    .strict()
    .optional(),
};
const recordSchema = z
  .object({
    study: z.string().optional(),
    edition: z.number().int(),
    current: z.object({ ...version, figures: z.record(z.string(), z.string()) }).strict(),
    history: z.array(z.object(version).strict()),
  })
  .strict();

/** Reads a publication record; a damaged record is an error, never ignored. */
export function parseRecord(text: string, file: string, year: number): { record?: PublicationRecord; issues: InputIssue[] } {
  const hint = 'Restore the file from version control; it is written by "luotain publish" and not edited by hand.';
  let json: unknown;
  try {
    // A UTF-8 byte order mark (as some editors save) is not part of the JSON.
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    return { issues: [{ severity: 'error', file, message: `not valid JSON: ${(error as Error).message}`, hint }] };
  }
  const result = recordSchema.safeParse(json);
  if (!result.success) return { issues: result.error.issues.map((i) => ({ severity: 'error' as const, file, message: `${formatPath(i.path)}: ${i.message}`, hint })) };
  if (result.data.edition !== year)
    return { issues: [{ severity: 'error', file, value: String(result.data.edition), message: `the record is of edition ${result.data.edition}, but it is in the folder of ${year}`, hint }] };
  return { record: result.data as PublicationRecord, issues: [] };
}
