/**
 * A throwaway study for adversarial CLI tests: the loader's "good" fixture with
 * editorial folders, in a temporary folder, plus a snapshot of every file in it
 * so a test can prove that nothing of the study was touched.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface StudyFolder {
  /** The temporary folder: data/ and reports/ are inside it. */
  dir: string;
  /** Every file under `dir` with its bytes, path relative to `dir`. */
  files(): Map<string, string>;
  remove(): void;
}

function walk(dir: string, base: string, out: Map<string, string>): void {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, base, out);
    else out.set(relative(base, path), readFileSync(path).toString('base64'));
  }
}

/** A two-language, one-edition (2024) study in a new temporary folder. */
export function makeStudyFolder(options: { frontMatter?: Record<string, string> } = {}): StudyFolder {
  const dir = mkdtempSync(join(tmpdir(), 'luotain-adversarial-'));
  mkdirSync(join(dir, 'data', '2024'), { recursive: true });
  cpSync(join(ROOT, 'test/fixtures/load/good/study.json'), join(dir, 'data', 'study.json'));
  cpSync(join(ROOT, 'test/fixtures/load/good/2024/responses.csv'), join(dir, 'data', '2024', 'responses.csv'));
  for (const lang of ['fi', 'en']) {
    mkdirSync(join(dir, 'reports', '2024', lang), { recursive: true });
    const fields = { title: `Test ${lang}`, status: 'draft', version: '"0.1"', ...options.frontMatter };
    writeFileSync(
      join(dir, 'reports', '2024', lang, 'index.md'),
      `---\n${Object.entries(fields)
        .map(([k, v]) => `${k}: ${v}`)
        .join('\n')}\n---\nSummary.\n`,
    );
  }
  return {
    dir,
    files() {
      const out = new Map<string, string>();
      walk(dir, dir, out);
      return out;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
