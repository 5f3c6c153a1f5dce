/** Sets `key: value` fields in a markdown file's front matter, adding the block or fields where missing. */
export function setFrontMatterFields(text: string, fields: Record<string, string>): string {
  const quote = (v: string) => (/^[\w.\-–: ]*$/.test(v) && !/^\d+(\.\d+)?$/.test(v) ? v : JSON.stringify(v));
  const lines = text.split(/\r?\n/);
  if (lines[0]?.trim() !== '---') return ['---', ...Object.entries(fields).map(([k, v]) => `${k}: ${quote(v)}`), '---', ...lines].join('\n');
  const end = lines.findIndex((l, i) => i > 0 && l.trim() === '---');
  const head = lines.slice(1, end);
  const remaining = new Map(Object.entries(fields));
  const updated = head.map((line) => {
    const m = /^([A-Za-z][\w-]*)\s*:/.exec(line);
    if (m && remaining.has(m[1])) {
      const v = remaining.get(m[1])!;
      remaining.delete(m[1]);
      return `${m[1]}: ${quote(v)}`;
    }
    return line;
  });
  for (const [k, v] of remaining) updated.push(`${k}: ${quote(v)}`);
  return ['---', ...updated, ...lines.slice(end)].join('\n');
}
