// Regenerates study.schema.json from the zod schema; a test checks the committed copy is current.
import { writeFileSync } from 'node:fs';
import { studyJsonSchema } from '../src/study/json-schema.ts';

writeFileSync(new URL('../study.schema.json', import.meta.url), JSON.stringify(studyJsonSchema(), null, 2) + '\n');
