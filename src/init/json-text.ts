/**
 * JSON as a person edits it: two-space indentation, with an object or array
 * that fits in `width` characters kept on one line (a label with its
 * languages, a band), as the sample's study.json is written.
 */
export function jsonText(value: unknown, width = 160): string {
  return `${write(value, '', width)}\n`;
}

/** On one line, with a space after each comma and colon and inside braces. */
function flat(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(flat).join(', ')}]`;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  return entries.length === 0 ? '{}' : `{ ${entries.map(([k, v]) => `${JSON.stringify(k)}: ${flat(v)}`).join(', ')} }`;
}

function write(value: unknown, indent: string, width: number): string {
  const line = flat(value);
  if (value === null || typeof value !== 'object' || indent.length + line.length <= width) return line;
  const inner = `${indent}  `;
  if (Array.isArray(value)) return `[\n${value.map((v) => inner + write(v, inner, width)).join(',\n')}\n${indent}]`;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${write(v, inner, width)}`).join(',\n')}\n${indent}}`;
}
