import type { z } from 'zod';

const NAMES: Record<string, string> = {
  number: 'a number',
  int: 'a whole number',
  string: 'text in quotes',
  boolean: 'true or false',
  object: 'an object { … }',
  array: 'a list [ … ]',
};

/** A JSON value as a person would point at it in the file: the text "1", the number 30.5, null. */
function shown(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return `the text ${JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value)}`;
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return `${typeof value === 'number' ? 'the number' : ''} ${String(value)}`.trim();
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let x = root;
  for (const key of path) {
    if (x === null || typeof x !== 'object') return undefined;
    x = (x as Record<PropertyKey, unknown>)[key];
  }
  return x;
}

const quoted = (values: readonly unknown[]) => {
  const list = values.map((v) => JSON.stringify(v));
  return list.length <= 1 ? list.join('') : `${list.slice(0, -1).join(', ')} or ${list.at(-1)}`;
};

/**
 * What a schema problem means, in words for the person editing study.json rather than
 * the validator's ("Invalid input: expected object, received undefined"). `json` is the
 * parsed file, to quote the value found. Messages written for the schema stay as they are.
 */
export function schemaMessage(issue: z.core.$ZodIssue, json: unknown): string {
  const found = valueAt(json, issue.path);
  switch (issue.code) {
    case 'invalid_type': {
      const expected = NAMES[issue.expected] ?? issue.expected;
      return found === undefined ? `missing: write ${expected} here` : `must be ${expected}, not ${shown(found)}`;
    }
    case 'invalid_value':
      return `must be ${issue.values.length === 1 ? '' : 'one of '}${quoted(issue.values)}, not ${shown(found)}`;
    case 'too_small':
      if (issue.origin === 'array') return `needs at least ${issue.minimum} ${issue.minimum === 1 ? 'entry' : 'entries'}`;
      if (issue.origin === 'string') return issue.message.startsWith('Too small') ? 'must not be empty' : issue.message;
      if (issue.origin === 'number') return `must be at least ${issue.minimum}, not ${found}`;
      return issue.message;
    case 'too_big':
      if (issue.origin === 'array') return `may have at most ${issue.maximum} entries, not ${Array.isArray(found) ? found.length : '?'}`;
      if (issue.origin === 'number') return `must be at most ${issue.maximum}, not ${found}`;
      return issue.message;
    case 'invalid_key':
      // A key of a record (a year of editions): say what the key must be.
      return issue.issues[0]?.message ?? issue.message;
    case 'unrecognized_keys':
      return `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    default:
      return issue.message;
  }
}
