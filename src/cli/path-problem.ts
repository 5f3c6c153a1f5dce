/**
 * File-system errors as messages for people: what is wrong with which path and
 * what to do, instead of "internal error" for a folder the analyst can fix.
 */
export interface PathError {
  code: string;
  path?: string;
  dest?: string;
}

/** Whether an error is a Node file-system error that names a path. */
export function isPathError(error: unknown): error is Error & PathError {
  return error instanceof Error && typeof (error as Partial<PathError>).code === 'string' && typeof (error as Partial<PathError>).path === 'string';
}

const FIXES: Record<string, (path: string) => string> = {
  EACCES: (p) => `${p} cannot be written (permission denied): choose a folder you may write to, or change its permissions`,
  EPERM: (p) => `${p} cannot be written (operation not permitted): choose a folder you may write to, or change its permissions`,
  EROFS: (p) => `${p} is on a read-only file system: choose a folder on a writable disk`,
  ENOTDIR: (p) => `${p} is not a folder, or a part of it is a file: check the path`,
  ENOENT: (p) => `${p} does not exist (or a folder on its way does not): create the folder first, or check the path`,
  EISDIR: (p) => `${p} is a folder where a file is needed: give a file name`,
  ENOSPC: (p) => `the disk of ${p} is full: free some space and run the command again`,
  EDQUOT: (p) => `the disk quota of ${p} is used up: free some space and run the command again`,
  EXDEV: (p) => `${p} is on another file system than its staging folder: give an --out on one disk`,
  ENAMETOOLONG: (p) => `${p} is too long a path: choose a shorter one`,
  EMFILE: (p) => `too many files are open while writing ${p}: close other programs and run the command again`,
};

/** A sentence about a file-system error, naming the path; falls back to the error's own message. */
export function pathProblem(error: unknown, fallbackPath?: string): string {
  if (error instanceof Error && typeof (error as Partial<PathError>).code === 'string') {
    const { code, path } = error as Error & PathError;
    const fix = FIXES[code];
    const where = path ?? fallbackPath;
    if (fix && where) return fix(where);
  }
  return error instanceof Error ? error.message : String(error);
}
