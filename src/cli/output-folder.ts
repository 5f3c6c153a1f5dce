/**
 * The output folder of `luotain build`: which folders it may replace, the lock
 * that keeps two builds out of one folder, and the swap that replaces the
 * previous output only with a complete new one.
 */
import { constants } from 'node:fs';
import { access, chmod, cp, lstat, mkdir, mkdtemp, open, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { basename, dirname, join, parse, relative, sep } from 'node:path';
import { pathProblem } from './path-problem.ts';

/** Written into every output folder; only a folder that has it may be replaced. */
export const OUTPUT_MARKER = '.luotain-output';
const MARKER_TEXT = 'This folder was written by "luotain build". The next build replaces it whole: keep nothing else here.\n';

/** A refusal to use a folder as the output, as a message for the analyst. */
export class OutputRefused extends Error {}

function isInside(child: string, parent: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && rel !== '..' && !/^[A-Za-z]:/.test(rel));
}

/**
 * Decides whether `outDir` may be written (and later replaced). Allowed: a missing
 * folder, an empty one, or one that an earlier build marked as its output. Refused:
 * the study's own folders and anything holding them, the working
 * folder and its parents, a file, and a folder with content Luotain did not write
 * (so a year folder of the study, say, is refused for what is in it).
 */
export async function checkOutputFolder(outDir: string, protectedDirs: readonly { name: string; path: string }[]): Promise<void> {
  const root = parse(outDir).root;
  if (outDir === root || outDir === homedir())
    throw new OutputRefused(`--out ${outDir} is ${outDir === root ? 'the root of the file system' : 'your home folder'}: give a folder of its own for the site, e.g. --out dist`);
  for (const dir of protectedDirs) {
    if (isInside(dir.path, outDir)) {
      throw new OutputRefused(
        `--out ${outDir} ${outDir === dir.path ? 'is' : 'holds'} ${dir.name} (${dir.path}): a build replaces its output folder whole, so it would delete it. Give a folder of its own for the site, e.g. --out dist`,
      );
    }
  }
  const info = await lstat(outDir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (!info) return;
  if (info.isSymbolicLink()) throw new OutputRefused(`--out ${outDir} is a symbolic link: give the folder itself, or a new folder.`);
  if (!info.isDirectory()) throw new OutputRefused(`--out ${outDir} is a file, not a folder: nothing was written, and the file was left as it was. Give a folder for the site, e.g. --out dist`);
  const entries = await readdir(outDir);
  if (entries.length === 0 || entries.includes(OUTPUT_MARKER)) return;
  const shown = entries
    .sort()
    .slice(0, 3)
    .map((e) => `"${e}"`)
    .join(', ');
  throw new OutputRefused(
    `--out ${outDir} already has files that "luotain build" did not write (${shown}${entries.length > 3 ? ', …' : ''}), and a build replaces its output folder whole. Give a new or empty folder, or remove this one yourself if it is an old build.`,
  );
}

const BASE_LINE = 'Base path: ';

/** Writes the marker that lets the next build replace this folder, with the base path the site was built for (which `luotain serve` reads). */
export async function markOutput(dir: string, base = '/'): Promise<void> {
  await writeFile(join(dir, OUTPUT_MARKER), `${MARKER_TEXT}${BASE_LINE}${base}\n`);
}

/** The base path a built site was made for, as its marker records it; "/" for a build that recorded none. */
export async function builtBasePath(dir: string): Promise<string> {
  const text = await readFile(join(dir, OUTPUT_MARKER), 'utf8').catch(() => '');
  const line = text.split('\n').find((l) => l.startsWith(BASE_LINE));
  return line ? line.slice(BASE_LINE.length).trim() || '/' : '/';
}

/**
 * Makes a built folder readable by everyone whatever the umask: folders 0755, files
 * 0644, so a web server running as another user can serve it (mkdtemp and a strict
 * umask would leave it private).
 */
export async function makeWorldReadable(dir: string): Promise<void> {
  await chmod(dir, 0o755);
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    const path = join(entry.parentPath, entry.name);
    if (entry.isDirectory()) await chmod(path, 0o755);
    else if (entry.isFile()) await chmod(path, 0o644);
  }
}

const staged = (outDir: string, kind: 'building' | 'previous') => `.${basename(outDir)}-${kind}-`;

/** True when the process that wrote a lock is still running on this machine. */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface OutputLock {
  /** A fresh staging folder beside the output, on the same file system (so the swap is a rename). */
  staging: string;
  /** Removes the staging folder if it is still there and releases the lock. */
  release(): Promise<void>;
}

/**
 * Takes the output folder's lock (a file beside it holding the builder's pid) and
 * makes a staging folder. A lock whose process is gone (an interrupted build) is
 * taken over, and the staging folders such builds left behind are removed.
 */
export async function lockOutput(outDir: string): Promise<OutputLock> {
  const parent = dirname(outDir);
  await mkdir(parent, { recursive: true });
  const lockFile = join(parent, `.${basename(outDir)}.lock`);
  for (let attempt = 0; ; attempt++) {
    try {
      const handle = await open(lockFile, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw error;
      const pid = Number((await readFile(lockFile, 'utf8').catch(() => '')).trim());
      if (Number.isInteger(pid) && pid > 0 && isRunning(pid)) {
        throw new OutputRefused(`another build (process ${pid}) is writing ${outDir} now: wait for it to finish. If no build is running, remove ${lockFile}.`);
      }
      await rm(lockFile, { force: true });
    }
  }
  for (const name of await readdir(parent)) {
    if (name.startsWith(staged(outDir, 'building')) || name.startsWith(staged(outDir, 'previous'))) await rm(join(parent, name), { recursive: true, force: true });
  }
  const staging = await mkdtemp(join(parent, staged(outDir, 'building')));
  // mkdtemp makes it private; a web server running as another user must read the site.
  await chmod(staging, 0o755);
  return {
    staging,
    async release() {
      await rm(staging, { recursive: true, force: true });
      await rm(lockFile, { force: true });
    },
  };
}

/**
 * Puts the complete new output in place of the previous one: the previous folder is
 * renamed aside, the new one renamed in, and only then is the previous one removed.
 * If the second rename fails, the previous output is renamed back, unchanged.
 */
export async function replaceOutput(staging: string, outDir: string): Promise<{ leftover?: string }> {
  const exists = await access(outDir, constants.F_OK).then(
    () => true,
    () => false,
  );
  if (!exists) {
    await rename(staging, outDir);
    return {};
  }
  const aside = join(dirname(outDir), `${staged(outDir, 'previous')}${basename(staging).slice(staged(outDir, 'building').length)}`);
  await rename(outDir, aside);
  try {
    await rename(staging, outDir);
  } catch (error) {
    await rename(aside, outDir);
    throw error;
  }
  try {
    await rm(aside, { recursive: true, force: true });
    return {};
  } catch (error) {
    return { leftover: `${aside} (${pathProblem(error, aside)})` };
  }
}

/**
 * Moves a folder into an empty folder `to` (replacing it): a rename, or a copy when
 * the two are on different disks (EXDEV), which a rename cannot cross.
 */
export async function moveFolder(from: string, to: string, renameFolder: (from: string, to: string) => Promise<void> = rename): Promise<void> {
  try {
    await renameFolder(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    await cp(from, to, { recursive: true });
  }
}
