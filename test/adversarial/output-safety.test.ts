/**
 * Adversarial cases of the build's output folder: a build must never delete a
 * study's files, write outside its output, or leave a half-replaced output.
 * Each case proves every input file is still there, byte for byte.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { moveFolder, OUTPUT_MARKER } from '../../src/cli/output-folder.ts';
import { pathProblem } from '../../src/cli/path-problem.ts';
import { silentEffects } from '../support/effects.ts';
import { makeStudyFolder, ROOT, type StudyFolder } from './study-folder.ts';

let study: StudyFolder;
afterEach(() => study?.remove());

async function build(args: string[], env: Record<string, string | undefined> = {}) {
  const effects = silentEffects({ cwd: study.dir, env });
  const code = await main(['build', '--no-pdf', ...args], effects);
  return { code, errors: effects.errors.join('\n'), output: effects.output.join('\n') };
}

function siteFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
}

describe('data loss: --out that would delete the study', () => {
  for (const [name, out, expected] of [
    [
      '--out data (the study folder)',
      'data',
      `error: --out ${'<dir>'}/data is the study folder (${'<dir>'}/data): a build replaces its output folder whole, so it would delete it. Give a folder of its own for the site, e.g. --out dist`,
    ],
    [
      '--out reports (the editorial folder)',
      'reports',
      `error: --out <dir>/reports is the editorial folder (<dir>/reports): a build replaces its output folder whole, so it would delete it. Give a folder of its own for the site, e.g. --out dist`,
    ],
    [
      '--out . (the study root)',
      '.',
      `error: --out <dir> holds the study folder (<dir>/data): a build replaces its output folder whole, so it would delete it. Give a folder of its own for the site, e.g. --out dist`,
    ],
    [
      '--out data/2024 (a year folder)',
      'data/2024',
      `error: --out <dir>/data/2024 already has files that "luotain build" did not write ("responses.csv"), and a build replaces its output folder whole. Give a new or empty folder, or remove this one yourself if it is an old build.`,
    ],
  ] as const) {
    it(name, async () => {
      study = makeStudyFolder();
      const before = study.files();
      const result = await build(['--data', 'data', '--reports', 'reports', '--out', out]);
      expect(result.code).toBe(1);
      expect(result.errors).toBe(expected.replaceAll('<dir>', study.dir));
      expect(study.files()).toEqual(before);
    });
  }

  it('--out an existing file leaves the file as it was', async () => {
    study = makeStudyFolder();
    writeFileSync(join(study.dir, 'notes.txt'), 'keep me');
    const before = study.files();
    const result = await build(['--out', 'notes.txt']);
    expect(result.code).toBe(1);
    expect(result.errors).toBe(`error: --out ${study.dir}/notes.txt is a file, not a folder: nothing was written, and the file was left as it was. Give a folder for the site, e.g. --out dist`);
    expect(study.files()).toEqual(before);
  });

  it('--out a folder of other files is refused', async () => {
    study = makeStudyFolder();
    mkdirSync(join(study.dir, 'site'));
    writeFileSync(join(study.dir, 'site', 'page.html'), '<p>someone else’s</p>');
    const before = study.files();
    const result = await build(['--out', 'site']);
    expect(result.code).toBe(1);
    expect(result.errors).toContain('already has files that "luotain build" did not write ("page.html")');
    expect(study.files()).toEqual(before);
  });

  it('a positional folder is a usage error, not a build of another study', async () => {
    study = makeStudyFolder();
    const effects = silentEffects({ cwd: study.dir });
    expect(await main(['build', 'data'], effects)).toBe(2);
    expect(effects.errors.join('\n')).toBe(
      'luotain build: unexpected argument "data" (a folder is given with an option, e.g. --data data)\nUsage: luotain build [--data DIR] [--reports DIR] [--out DIR] [--no-pdf] [--no-figure-files] [--no-office] [--base PATH]',
    );
  });

  it('compute with a positional argument is a usage error', async () => {
    study = makeStudyFolder();
    const effects = silentEffects({ cwd: study.dir });
    expect(await main(['compute', 'data'], effects)).toBe(2);
  });
});

describe('path traversal', () => {
  it('front-matter version "1/../../../../pwned-fi" is an error and writes nothing', async () => {
    study = makeStudyFolder({ frontMatter: { version: '"1/../../../../pwned-fi"' } });
    const before = study.files();
    const result = await build(['--out', 'site']);
    expect(result.code).toBe(1);
    expect(result.errors).toContain(
      `error: ${study.dir}/reports/2024/fi/index.md:4: version "1/../../../../pwned-fi" is not a version like 0.1, 1.0 or 1.1\n  → Write the version as numbers joined by dots; it becomes part of the PDF file names.`,
    );
    expect(study.files()).toEqual(before);
    expect(existsSync(join(study.dir, '..', 'pwned-fi.pdf'))).toBe(false);
  });
});

describe('replacing the previous output', () => {
  it('a second build replaces the first; a failed build leaves it byte for byte', async () => {
    study = makeStudyFolder();
    const first = await build(['--out', 'site']);
    expect(first.errors).not.toContain('error:');
    expect(first.code).toBe(0);
    const out = join(study.dir, 'site');
    expect(readdirSync(out)).toContain(OUTPUT_MARKER);
    const before = study.files();

    // A browser that cannot be started fails the PDF stage, after the site was rendered.
    const effects = silentEffects({ cwd: study.dir, env: { LUOTAIN_CHROMIUM: join(study.dir, 'no-such-chromium') } });
    expect(await main(['build', '--out', 'site'], effects)).toBe(1);
    expect(effects.errors.at(-1)).toBe('The previous output in site was left as it was.');
    expect(study.files()).toEqual(before);
    expect(readdirSync(study.dir).sort()).toEqual(['data', 'reports', 'site']);

    const again = await build(['--out', 'site']);
    expect(again.code).toBe(0);
    expect(readdirSync(study.dir).sort()).toEqual(['data', 'reports', 'site']);
  });

  it('a site built without PDFs links to no PDF', async () => {
    study = makeStudyFolder();
    expect((await build(['--out', 'site'])).code).toBe(0);
    const out = join(study.dir, 'site');
    const pages = siteFiles(out).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(10);
    const linking = pages.filter((f) => /href="[^"]*\.pdf"/.test(readFileSync(join(out, f), 'utf8')));
    expect(linking).toEqual([]);
    expect(existsSync(join(out, 'pdf'))).toBe(false);
  });

  it('leftovers of an interrupted build and its stale lock are cleaned up by the next build', async () => {
    study = makeStudyFolder();
    // What SIGKILL leaves: a lock naming a process that is gone, and staging folders.
    writeFileSync(join(study.dir, '.site.lock'), String(2 ** 22 + 1));
    mkdirSync(join(study.dir, '.site-building-AbC123', 'fi'), { recursive: true });
    mkdirSync(join(study.dir, '.site-previous-XyZ789'));
    const result = await build(['--out', 'site']);
    expect(result.code).toBe(0);
    expect(readdirSync(study.dir).sort()).toEqual(['data', 'reports', 'site']);
  });

  it('a second build into the same --out while one runs is refused, with the lock named', async () => {
    study = makeStudyFolder();
    // This test's own process holds the lock, as a running build would.
    writeFileSync(join(study.dir, '.site.lock'), String(process.pid));
    const result = await build(['--out', 'site']);
    expect(result.code).toBe(1);
    expect(result.errors).toContain(`error: another build (process ${process.pid}) is writing ${study.dir}/site now: wait for it to finish. If no build is running, remove ${study.dir}/.site.lock.`);
    expect(existsSync(join(study.dir, 'site'))).toBe(false);
    expect(readFileSync(join(study.dir, '.site.lock'), 'utf8')).toBe(String(process.pid));
  });
});

describe('a web server running as another user', () => {
  it('can read the whole built folder under a private umask: folders 0755, files 0644, archived PDFs included', async () => {
    study = makeStudyFolder();
    const id = JSON.parse(readFileSync(join(study.dir, 'data', 'study.json'), 'utf8')).id as string;
    const run = async (...argv: string[]) => {
      const effects = silentEffects({ cwd: study.dir });
      expect(await main(argv, effects), effects.errors.join('\n')).toBe(0);
    };
    await run('publish', '2024', '--date', '2025-03-01');
    // The last build's PDF of version 1.0, private as a strict umask leaves it, is archived by the correction.
    mkdirSync(join(study.dir, 'dist', 'pdf'), { recursive: true });
    writeFileSync(join(study.dir, 'dist', 'pdf', `${id}-2024-fi-v1.0.pdf`), '%PDF-1.7 version 1.0', { mode: 0o600 });
    await run('publish', '2024', '--version', '1.1', '--note-fi', 'Korjattu', '--note-en', 'Corrected', '--date', '2025-04-01');
    const umask = process.umask(0o077);
    try {
      const result = await build(['--out', 'site']);
      expect(result.code, result.errors).toBe(0);
    } finally {
      process.umask(umask);
    }
    const site = join(study.dir, 'site');
    const entries = readdirSync(site, { recursive: true, withFileTypes: true }).map((e) => ({ path: join(e.parentPath, e.name), dir: e.isDirectory() }));
    expect(entries.map((e) => e.path)).toContain(join(site, 'pdf', `${id}-2024-fi-v1.0.pdf`));
    const modeOf = (path: string) => statSync(path).mode & 0o777;
    expect(modeOf(site)).toBe(0o755);
    expect(entries.filter((e) => modeOf(e.path) !== (e.dir ? 0o755 : 0o644)).map((e) => `${e.path} ${modeOf(e.path).toString(8)}`)).toEqual([]);
  });
});

describe('path problems are named, not internal errors', () => {
  it('--out under a file', async () => {
    study = makeStudyFolder();
    writeFileSync(join(study.dir, 'file'), 'x');
    const result = await build(['--out', 'file/site']);
    expect(result.code).toBe(1);
    expect(result.errors).toBe(`error: ${study.dir}/file/site is not a folder, or a part of it is a file: check the path`);
  });

  it('compute --out into a missing folder', async () => {
    study = makeStudyFolder();
    const effects = silentEffects({ cwd: study.dir });
    expect(await main(['compute', '--out', 'missing/model.json'], effects)).toBe(1);
    expect(effects.errors.at(-1)).toBe(`luotain compute: ${study.dir}/missing/model.json does not exist (or a folder on its way does not): create the folder first, or check the path`);
  });

  it('a full disk, a read-only disk and permission denied name the path and the fix', () => {
    const fail = (code: string) => Object.assign(new Error(`${code}: failed`), { code, path: '/srv/site/index.html' });
    expect(pathProblem(fail('ENOSPC'))).toBe('the disk of /srv/site/index.html is full: free some space and run the command again');
    expect(pathProblem(fail('EROFS'))).toBe('/srv/site/index.html is on a read-only file system: choose a folder on a writable disk');
    expect(pathProblem(fail('EACCES'))).toBe('/srv/site/index.html cannot be written (permission denied): choose a folder you may write to, or change its permissions');
  });

  it('an output on another disk is copied when a rename cannot cross (EXDEV)', async () => {
    study = makeStudyFolder();
    const from = join(study.dir, 'from');
    mkdirSync(join(from, 'fi'), { recursive: true });
    writeFileSync(join(from, 'fi', 'index.html'), 'page');
    const to = join(study.dir, 'to');
    mkdirSync(to);
    const crossDevice = async () => {
      throw Object.assign(new Error('EXDEV: cross-device link not permitted'), { code: 'EXDEV' });
    };
    await moveFolder(from, to, crossDevice);
    expect(readFileSync(join(to, 'fi', 'index.html'), 'utf8')).toBe('page');
  });
});

describe('builds at once', () => {
  it('two studies built at the same time into different folders both succeed', async () => {
    const a = makeStudyFolder();
    const b = makeStudyFolder();
    try {
      const run = (dir: string) =>
        promisify(execFile)(process.execPath, [join(ROOT, 'bin/luotain.js'), 'build', '--no-pdf', '--data', 'data', '--reports', 'reports', '--out', 'site'], {
          cwd: dir,
          env: { ...process.env, LUOTAIN_CHROMIUM: '' },
        });
      const results = await Promise.allSettled([run(a.dir), run(b.dir)]);
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
      for (const dir of [a.dir, b.dir]) {
        expect(readdirSync(dir).sort()).toEqual(['data', 'reports', 'site']);
        expect(existsSync(join(dir, 'site', 'fi', '2024', 'index.html'))).toBe(true);
      }
    } finally {
      a.remove();
      b.remove();
    }
  });
});
