/**
 * The tool beside the study: Luotain packed with `npm pack`, installed into a
 * study folder of its own, and run there with `npx luotain`, as a research firm
 * keeps one folder per study: check on a copy of the sample, then init, check
 * and build --no-pdf of a study begun from a delivered responses file. No network: every outbound attempt of npx, npm and
 * Luotain is recorded and refused (test/adversarial/record-network.mjs), and npm
 * runs offline.
 *
 * How the dependencies get there without a network: `npm install --offline
 * <tarball>` needs the registry's package documents in npm's cache, which a
 * machine that installed from a lockfile does not have. So the test lays the
 * folder out as npm would: the tarball unpacked into node_modules/luotain, and
 * each package the lockfile marks as needed at run time (not "dev") linked from
 * Luotain's own node_modules. A run-time import of a devDependency then fails
 * here as it would for a real install. node_modules/.bin/node is the pinned
 * Node 24, as a study's own `node` devDependency puts it there (see the README).
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from './study-folder.ts';

const run = promisify(execFile);
const scratch = mkdtempSync(join(tmpdir(), 'luotain-installed-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('installed beside the study', () => {
  it('npm pack holds what the command needs; installed in a study folder, npx luotain check, init and build --no-pdf run there offline', async () => {
    const pack = join(scratch, 'pack');
    mkdirSync(pack);
    const { stdout: packed } = await run('npm', ['pack', '--json', '--pack-destination', pack], { cwd: ROOT });
    const [{ filename, files }] = JSON.parse(packed) as [{ filename: string; files: { path: string }[] }];
    const paths = files.map((f) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['package.json', 'bin/luotain.js', 'src/cli/main.ts', 'src/pages/index.astro', 'src/styles/site.css', 'tsconfig.json', 'study.schema.json']));
    // Not the sample, the tests or the benchmark.
    expect(paths.filter((p) => /^(data|reports|test|bench|scripts)\//.test(p))).toEqual([]);

    const study = join(scratch, 'study');
    const modules = join(study, 'node_modules');
    mkdirSync(join(modules, 'luotain'), { recursive: true });
    mkdirSync(join(modules, '.bin'));
    writeFileSync(join(study, 'package.json'), '{ "name": "kaukovesi-study", "private": true }\n');
    await run('tar', ['-xzf', join(pack, filename), '-C', join(modules, 'luotain'), '--strip-components=1']);
    const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean }> };
    const runtime = Object.entries(lock.packages).flatMap(([key, entry]) => {
      const name = /^node_modules\/((?:@[^/]+\/)?[^/]+)$/.exec(key)?.[1];
      return name && !entry.dev ? [name] : [];
    });
    expect(runtime).toEqual(expect.arrayContaining(['astro', '@observablehq/plot', 'playwright-core', '@sparticuz/chromium', 'exceljs', 'zod']));
    expect(runtime).not.toContain('vitest');
    for (const name of runtime) {
      mkdirSync(dirname(join(modules, name)), { recursive: true });
      symlinkSync(join(ROOT, 'node_modules', name), join(modules, name));
    }
    symlinkSync('../luotain/bin/luotain.js', join(modules, '.bin', 'luotain'));
    symlinkSync(join(ROOT, 'node_modules', 'node', 'bin', 'node'), join(modules, '.bin', 'node'));
    cpSync(join(ROOT, 'data'), join(study, 'data'), { recursive: true });
    cpSync(join(ROOT, 'reports'), join(study, 'reports'), { recursive: true });

    const networkLog = join(scratch, 'network.log');
    writeFileSync(networkLog, '');
    const env = {
      ...process.env,
      npm_config_offline: 'true',
      npm_config_update_notifier: 'false',
      LUOTAIN_NETWORK_LOG: networkLog,
      NODE_OPTIONS: `--import=${pathToFileURL(join(ROOT, 'test/adversarial/record-network.mjs')).href}`,
    };
    // The sample study, copied in.
    const check = await run('npx', ['luotain', 'check'], { cwd: study, env });
    expect(check.stdout).toMatch(/0 errors, \d+ warnings? — 4 editions \(2022, 2023, 2024, 2025\) ready to build/);
    // A new study begun from a delivered file: init, check, build.
    const fresh = join(scratch, 'fresh');
    mkdirSync(fresh);
    cpSync(join(ROOT, 'data', '2025', 'responses.csv'), join(fresh, 'vastaukset.csv'));
    writeFileSync(join(fresh, 'package.json'), '{ "name": "new-study", "private": true }\n');
    symlinkSync(modules, join(fresh, 'node_modules'));
    await run('npx', ['luotain', 'init', '--from', 'vastaukset.csv', '--year', '2025'], { cwd: fresh, env });
    const checked = await run('npx', ['luotain', 'check'], { cwd: fresh, env });
    expect(checked.stdout).toMatch(/0 errors, \d+ warnings? — 1 edition \(2025 draft\) ready to build/);
    const build = await run('npx', ['luotain', 'build', '--no-pdf', '--out', 'site'], { cwd: fresh, env });
    expect(build.stdout).toMatch(/Built site in [\d.]+ s: \d+ pages, 0 PDFs/);
    expect(existsSync(join(fresh, 'site', 'fi', '2025', 'index.html'))).toBe(true);
    expect(readFileSync(networkLog, 'utf8')).toBe('');
  }, 300_000);
});
