// The sample as the browser tests build it (site and PDFs): every folder and file is
// readable by a web server running as another user, whatever the umask of the build.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';

const siteDir = inject('sampleSite');

describe('the built sample', () => {
  it('is world-readable: folders 0755, files 0644, the PDFs included', () => {
    const entries = readdirSync(siteDir, { recursive: true, withFileTypes: true }).map((e) => ({ path: join(e.parentPath, e.name), dir: e.isDirectory() }));
    const modeOf = (path: string) => statSync(path).mode & 0o777;
    expect(entries.filter((e) => !e.dir && e.path.endsWith('.pdf')).length).toBeGreaterThanOrEqual(12);
    expect(modeOf(siteDir)).toBe(0o755);
    expect(entries.filter((e) => modeOf(e.path) !== (e.dir ? 0o755 : 0o644)).map((e) => `${e.path} ${modeOf(e.path).toString(8)}`)).toEqual([]);
  });
});
