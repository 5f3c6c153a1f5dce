/**
 * Helpers of the study-shape matrix: building a shape's site with the CLI, reading
 * every built page from disk (its text by the language it is marked with, its
 * headings) and the phrases of each language's dictionary that no other language has.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import { parseHTML } from 'linkedom';
import { dictionaryOf, LANGUAGES, type Lang, t, type TextKey } from '../../src/i18n/index.ts';
import { type Shape, writeStudyFolder } from '../support/study-shapes.ts';

const run = promisify(execFile);
export const MATRIX_DIR = resolve('test-output/matrix');

/** Writes the shape's study and builds its site (no PDFs) into test-output/matrix/<shape>/site. */
export async function buildShape(shape: Shape): Promise<string> {
  const dir = join(MATRIX_DIR, shape.name);
  const out = join(dir, 'site');
  // MATRIX_REUSE=1 checks the sites of the last run again without building (for working on the assertions).
  if (process.env.MATRIX_REUSE === '1' && existsSync(out)) return out;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const { dataDir, reportsDir } = writeStudyFolder(shape, dir);
  try {
    await run(process.execPath, ['bin/luotain.js', 'build', '--data', dataDir, '--reports', reportsDir, '--out', out, '--no-pdf'], {
      env: { ...process.env, TZ: 'UTC' },
      maxBuffer: 16 << 20,
    });
  } catch (error) {
    const e = error as { stderr?: string; stdout?: string; message: string };
    throw new Error(`building the shape ${shape.name} failed:\n${e.stderr || e.stdout || e.message}`);
  }
  return out;
}

/** A built page as read from its HTML. */
export interface BuiltPage {
  /** The URL path, "/en/2024/method/". */
  path: string;
  /** The language segment of the path ('' for the landing page). */
  urlLang: string;
  /** `<html lang>`. */
  lang: string;
  /** The page's text, with the text alternatives (aria-label, title, alt, SVG title/desc), by the language it is marked with. */
  textByLang: Map<string, string>;
  /** All text of the page, whatever its language. */
  text: string;
  /** Headings (h1–h6), table captions and header cells, with their tag. */
  headings: { tag: string; text: string }[];
  /** Every href on the page. */
  hrefs: string[];
}

const SKIP = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT']);
const ATTRS = ['aria-label', 'title', 'alt', 'placeholder', 'aria-description'];

function collect(node: Node, lang: string, out: Map<string, string[]>): void {
  if (node.nodeType === 3) {
    const text = node.textContent ?? '';
    if (text.trim()) out.get(lang)?.push(text) ?? out.set(lang, [text]);
    return;
  }
  if (node.nodeType !== 1) return;
  const el = node as Element;
  if (SKIP.has(el.tagName.toUpperCase())) return;
  const own = el.getAttribute('lang') ?? el.getAttribute('xml:lang');
  const here = own ?? lang;
  const push = (text: string) => out.get(here)?.push(text) ?? out.set(here, [text]);
  for (const a of ATTRS) {
    const v = el.getAttribute(a);
    if (v?.trim()) push(` ${v} `);
  }
  // Element boundaries separate words; neighbouring text nodes (split at an entity) do not.
  push(' ');
  for (const child of el.childNodes) collect(child, here, out);
  push(' ');
}

const squash = (parts: string[]) => parts.join('').replace(/\s+/g, ' ').trim();

export function readPage(path: string, html: string): BuiltPage {
  const { document } = parseHTML(html);
  const lang = document.documentElement.getAttribute('lang') ?? '';
  const byLang = new Map<string, string[]>();
  collect(document.documentElement, lang, byLang);
  const textByLang = new Map([...byLang].map(([l, parts]) => [l, squash(parts)]));
  return {
    path,
    urlLang: path.split('/')[1] ?? '',
    lang,
    textByLang,
    text: [...textByLang.values()].join(' '),
    headings: [...document.querySelectorAll('h1, h2, h3, h4, h5, h6, caption, th')].map((h) => ({ tag: h.tagName.toLowerCase(), text: squash([h.textContent ?? '']) })),
    hrefs: [...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')!),
  };
}

/** Every page of a built site (each index.html), by URL path. */
export function readSite(siteDir: string): BuiltPage[] {
  const pages: BuiltPage[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name === 'index.html') {
        const rel = relative(siteDir, dir).split('\\').join('/');
        pages.push(readPage(rel ? `/${rel}/` : '/', readFileSync(full, 'utf8')));
      }
    }
  };
  walk(siteDir);
  return pages;
}

/** Every text of a dictionary, plural forms included. */
export function dictionaryTexts(lang: Lang): string[] {
  const out: string[] = [];
  const visit = (v: unknown) => {
    if (typeof v === 'string') out.push(v);
    else if (v && typeof v === 'object') for (const x of Object.values(v)) visit(x);
  };
  visit(dictionaryOf(lang));
  return out;
}

/** Every key of the dictionaries, "namespace.key". */
export function dictionaryKeys(): string[] {
  const d = dictionaryOf('en') as Record<string, Record<string, unknown>>;
  return Object.entries(d).flatMap(([ns, entries]) => Object.keys(entries).map((k) => `${ns}.${k}`));
}

/**
 * The multi-word phrases of a language's dictionary that no other shipped language's
 * dictionary contains: the literal runs between placeholders, at least two words and
 * ten characters, HTML comments left out.
 */
export function distinctivePhrases(lang: Lang): string[] {
  const others = LANGUAGES.filter((l) => l !== lang)
    .flatMap(dictionaryTexts)
    .join('\n')
    .toLowerCase();
  const phrases = new Set<string>();
  for (const text of dictionaryTexts(lang)) {
    if (text.startsWith('<!--')) continue;
    for (const raw of text.split(/\{\w+\}/)) {
      const fragment = raw.replace(/^[\s.,:;()“”"']+|[\s.,:;()“”"']+$/g, '');
      if (fragment.split(/\s+/).length < 2 || fragment.length < 10) continue;
      if (others.includes(fragment.toLowerCase())) continue;
      phrases.add(fragment);
    }
  }
  return [...phrases];
}

/**
 * Short words that are common in one language and are not words of the others: they
 * find text that is written outside the dictionaries (hard-coded in a component).
 */
export const FUNCTION_WORDS: Record<Lang, string[]> = {
  fi: ['ja', 'sekä', 'ovat', 'kanssa', 'jos', 'kun', 'eli', 'tai', 'mutta', 'että'],
  sv: ['och', 'att', 'är', 'inte', 'som', 'för', 'av', 'eller', 'med'],
  en: ['the', 'and', 'of', 'with', 'are', 'is', 'which', 'from', 'than'],
};

/** The whole-word occurrences of `word` in `text`, each with some context. */
export function wordHits(text: string, word: string, context = 40): string[] {
  const re = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(word)}(?![\\p{L}\\p{N}])`, 'giu');
  return [...text.matchAll(re)].map((m) => excerpt(text, m.index!, m[0].length, context));
}

/** Occurrences of a phrase (case-insensitive), each with some context. */
export function phraseHits(text: string, phrase: string, context = 40): string[] {
  const hits: string[] = [];
  const lower = text.toLowerCase();
  const p = phrase.toLowerCase();
  for (let i = lower.indexOf(p); i !== -1; i = lower.indexOf(p, i + p.length)) hits.push(excerpt(text, i, p.length, context));
  return hits;
}

export function regexHits(text: string, re: RegExp, context = 40): string[] {
  const g = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
  return [...text.matchAll(g)].map((m) => excerpt(text, m.index!, m[0].length, context));
}

export function excerpt(text: string, index: number, length: number, context = 40): string {
  const start = Math.max(0, index - context);
  const end = Math.min(text.length, index + length + context);
  return `${start > 0 ? '…' : ''}${text.slice(start, index)}[[${text.slice(index, index + length)}]]${text.slice(index + length, end)}${end < text.length ? '…' : ''}`;
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A regular expression matching a dictionary text with its placeholders filled by anything short. */
export function textPattern(lang: Lang, key: TextKey, groups: Record<string, string> = {}): RegExp {
  const d = dictionaryOf(lang) as Record<string, Record<string, unknown>>;
  const [ns, k] = key.split('.') as [string, string];
  const entry = d[ns]![k];
  const texts = typeof entry === 'string' ? [entry] : Object.values(entry as Record<string, string>);
  const alternatives = texts.map((text) =>
    text
      .split(/(\{\w+\})/)
      .map((part) => {
        const m = /^\{(\w+)\}$/.exec(part);
        if (!m) return escapeRegExp(part);
        const name = m[1]!;
        // A year is four digits, a figure digits and marks; anything else a short run without a sentence end.
        return groups[name] ?? (/year/i.test(name) ? '\\d{4}' : /value|count|base/i.test(name) ? '[−+-]?[\\d.,\\s%]{1,12}?' : '[^:;.!?]{1,80}?');
      })
      .join(''),
  );
  return new RegExp(alternatives.map((a) => `(?:${a})`).join('|'), 'iu');
}

/** The dictionary text of `key` in each of `langs`. */
export function textsOf(key: TextKey, langs: readonly Lang[] = LANGUAGES, values: Record<string, string> = {}): string[] {
  return langs.map((l) => t(l, key, values));
}

/** Findings as "page: excerpt" lines, at most `perPage` per page. */
export function findings(pages: BuiltPage[], find: (page: BuiltPage) => string[], perPage = 3): string[] {
  const out: string[] = [];
  for (const page of pages) {
    const hits = find(page);
    for (const h of hits.slice(0, perPage)) out.push(`${page.path}: ${h}`);
    if (hits.length > perPage) out.push(`${page.path}: … and ${hits.length - perPage} more`);
  }
  return out;
}
