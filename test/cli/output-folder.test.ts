import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { builtBasePath, markOutput, OUTPUT_MARKER } from '../../src/cli/output-folder.ts';

const scratch = mkdtempSync(join(tmpdir(), 'luotain-marker-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the output marker', () => {
  it('records the base path the site was built for, which serve reads back', async () => {
    await markOutput(scratch, '/reports/kaukovesi/');
    expect(readFileSync(join(scratch, OUTPUT_MARKER), 'utf8')).toBe(
      'This folder was written by "luotain build". The next build replaces it whole: keep nothing else here.\nBase path: /reports/kaukovesi/\n',
    );
    expect(await builtBasePath(scratch)).toBe('/reports/kaukovesi/');
  });

  it('a marker of an earlier build, without a base path, or none at all, is the root', async () => {
    writeFileSync(join(scratch, OUTPUT_MARKER), 'This folder was written by "luotain build". The next build replaces it whole: keep nothing else here.\n');
    expect(await builtBasePath(scratch)).toBe('/');
    rmSync(join(scratch, OUTPUT_MARKER));
    expect(await builtBasePath(scratch)).toBe('/');
  });
});
