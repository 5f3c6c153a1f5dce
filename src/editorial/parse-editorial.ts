import type { InputIssue } from '../issues/input-issue.ts';
import type { Editorial, EditorialMeta } from './types.ts';
import { parseFrontMatter } from './front-matter.ts';
import { markdownToHtml } from './markdown.ts';
import { isVersion } from './version.ts';

const KNOWN = new Set(['title', 'status', 'version', 'published', 'fieldwork', 'sample']);

/**
 * Turns an edition's editorial files for one language (index.md with front matter,
 * plus optional <section>.md commentary) into sanitised HTML and metadata.
 */
export function parseEditorial(files: { name: string; path: string; text: string }[], sectionIds: ReadonlySet<string>): { editorial?: Editorial; issues: InputIssue[] } {
  const issues: InputIssue[] = [];
  const index = files.find((f) => f.name === 'index.md');
  if (!index) return { issues };
  const fm = parseFrontMatter(index.text);
  for (const p of fm.problems) issues.push({ severity: 'error', file: index.path, line: p.line, message: p.message, hint: 'Write each front matter field as "key: value".' });
  const field = (key: string) => fm.fields.get(key)?.value;
  for (const [key, { line }] of fm.fields) {
    if (!KNOWN.has(key)) issues.push({ severity: 'warning', file: index.path, line, message: `unknown front matter field "${key}" is ignored`, hint: `Known fields: ${[...KNOWN].join(', ')}.` });
  }
  const status = field('status') ?? 'draft';
  if (status !== 'draft' && status !== 'published') {
    issues.push({
      severity: 'error',
      file: index.path,
      line: fm.fields.get('status')?.line,
      value: status,
      message: `status "${status}" is neither "draft" nor "published"`,
      hint: 'Set status: draft or status: published.',
    });
  }
  const published = field('published');
  if (published !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(published)) {
    issues.push({
      severity: 'error',
      file: index.path,
      line: fm.fields.get('published')?.line,
      value: published,
      message: `publication date "${published}" is not a date like 2025-03-14`,
      hint: 'Write the date as YYYY-MM-DD.',
    });
  }
  const version = field('version');
  if (version !== undefined && !isVersion(version)) {
    issues.push({
      severity: 'error',
      file: index.path,
      line: fm.fields.get('version')?.line,
      value: version,
      message: `version "${version}" is not a version like 0.1, 1.0 or 1.1`,
      hint: 'Write the version as numbers joined by dots; it becomes part of the PDF file names.',
    });
  }
  const meta: EditorialMeta = {
    title: field('title') ?? '',
    status: status === 'published' ? 'published' : 'draft',
    version: version !== undefined && isVersion(version) ? version : '0.1',
    ...(published !== undefined ? { published } : {}),
    ...(field('fieldwork') !== undefined ? { fieldwork: field('fieldwork') } : {}),
    ...(field('sample') !== undefined ? { sample: field('sample') } : {}),
  };
  const sections: Record<string, string> = {};
  for (const file of files) {
    if (file.name === 'index.md' || !file.name.endsWith('.md')) continue;
    const id = file.name.slice(0, -3);
    if (!sectionIds.has(id)) {
      issues.push({
        severity: 'warning',
        file: file.path,
        message: `no report section is called "${id}", so this commentary is not shown`,
        hint: `Name the file after a section: ${[...sectionIds].join(', ')}.`,
      });
      continue;
    }
    sections[id] = markdownToHtml(file.text);
  }
  return { editorial: { meta, summaryHtml: markdownToHtml(fm.body), sections }, issues };
}
