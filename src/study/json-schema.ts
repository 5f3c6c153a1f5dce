import { z } from 'zod';
import { studySchema } from './schema.ts';

/** The JSON Schema of study.json, for editors' autocompletion and checking. */
export function studyJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(studySchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}
