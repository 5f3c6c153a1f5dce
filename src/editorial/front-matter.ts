/** A flat YAML-like front matter block: `key: value` lines between `---` fences. */
export interface FrontMatter {
  fields: Map<string, { value: string; line: number }>;
  body: string;
  /** Line number of the first body line. */
  bodyLine: number;
  problems: { line: number; message: string }[];
}

/** Splits a markdown file into its front matter fields and body. */
export function parseFrontMatter(text: string): FrontMatter {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const fields = new Map<string, { value: string; line: number }>();
  const problems: { line: number; message: string }[] = [];
  if (lines[0]?.trim() !== '---') return { fields, body: lines.join('\n'), bodyLine: 1, problems };
  let end = -1;
  for (let i = 1; i < lines.length; i++) {
    if (lines[i].trim() === '---') {
      end = i;
      break;
    }
    const line = lines[i];
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    const match = /^([A-Za-z][\w-]*)\s*:\s*(.*)$/.exec(line);
    if (!match) {
      problems.push({ line: i + 1, message: `front matter line "${line}" is not "key: value"` });
      continue;
    }
    let value = match[2].trim();
    if ((value.startsWith('"') && value.endsWith('"')) || (value.startsWith("'") && value.endsWith("'"))) value = value.slice(1, -1);
    fields.set(match[1], { value, line: i + 1 });
  }
  if (end === -1) {
    problems.push({ line: 1, message: 'the front matter opened with "---" is not closed by a "---" line' });
    return { fields, body: '', bodyLine: lines.length + 1, problems };
  }
  return { fields, body: lines.slice(end + 1).join('\n'), bodyLine: end + 2, problems };
}
