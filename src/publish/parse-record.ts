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
/**
 * A record's figures: an object of texts. Checked by a loop rather than zod's
 * record, which took a tenth of a second of every build over the sample's four
 * records of 30 000 figures each; the message names the first figure that is not a text.
 */
const figures = z
  .custom<Record<string, string>>((value) => value !== null && typeof value === 'object' && !Array.isArray(value), { message: 'expected an object of figures' })
  .superRefine((value, ctx) => {
    for (const key in value) {
      const figure: unknown = value[key];
      if (typeof figure !== 'string') {
        ctx.addIssue({ code: 'custom', path: [key], message: `expected a text, got ${figure === null ? 'null' : Array.isArray(figure) ? 'a list' : typeof figure}` });
        return;
      }
    }
  });

const recordSchema = z
  .object({
    study: z.string().optional(),
    edition: z.number().int(),
    current: z.object({ ...version, figures }).strict(),
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
