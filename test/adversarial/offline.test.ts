/**
 * The build is offline: a whole build with PDFs runs with every outbound attempt
 * recorded and refused — Node's sockets and name lookups (Astro's telemetry, say)
 * through a preloaded module, and Chromium's requests and host resolutions through
 * its own network log — and the test fails on any attempt to reach another host.
 * A missing browser fails this test; it never skips.
 */
import { execFile } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveBrowser } from '../../src/pdf/browser.ts';
import { makeStudyFolder, ROOT } from './study-folder.ts';

const study = makeStudyFolder();
afterAll(() => study.remove());

/** Every host named in a Chromium network log, other than this machine. */
function remoteHosts(netLog: string): string[] {
  const hosts = new Set<string>();
  for (const match of netLog.matchAll(/"(?:url|original_url|host|server)"\s*:\s*"([^"]+)"/g)) {
    const value = match[1]!;
    const host = /^[a-z][a-z0-9+.-]*:\/\/(\[[^\]]+\]|[^/:]+)/i.exec(value)?.[1] ?? value.replace(/:\d+$/, '');
    if (/^(data|blob|about|chrome|chrome-extension|devtools):/i.test(value)) continue;
    if (/^(127\.\d+\.\d+\.\d+|localhost|\[::1\]|::1)$/i.test(host)) continue;
    hosts.add(host);
  }
  return [...hosts].sort();
}

describe('offline build', () => {
  it('a full build with PDFs reaches no host but this machine', async () => {
    const browser = await resolveBrowser(process.env);
    const netLog = join(study.dir, 'chromium-net-log.json');
    const nodeLog = join(study.dir, 'node-network.log');
    writeFileSync(nodeLog, '');
    const wrapper = join(study.dir, 'chromium-with-net-log');
    writeFileSync(wrapper, `#!/bin/sh\nexec "${browser.executablePath}" "$@" --log-net-log="${netLog}" --net-log-capture-mode=Default\n`);
    chmodSync(wrapper, 0o755);
    const env = {
      ...process.env,
      LUOTAIN_CHROMIUM: wrapper,
      LUOTAIN_NETWORK_LOG: nodeLog,
      NODE_OPTIONS: `--import=${pathToFileURL(join(ROOT, 'test/adversarial/record-network.mjs')).href}`,
      // What a machine may have set must not switch telemetry off for this test.
      ASTRO_TELEMETRY_DISABLED: '',
      TELEMETRY_DISABLED: '',
      CI: '',
    };
    const { stdout } = await promisify(execFile)(process.execPath, [join(ROOT, 'bin/luotain.js'), 'build', '--data', 'data', '--reports', 'reports', '--out', 'site'], { cwd: study.dir, env });
    expect(stdout).toContain('2 PDFs');
    expect(existsSync(join(study.dir, 'site', 'pdf'))).toBe(true);
    expect(readFileSync(nodeLog, 'utf8')).toBe('');
    const log = readFileSync(netLog, 'utf8');
    // The log saw the build's own requests, so an empty list below means something.
    expect(log).toMatch(/"url":"http:\/\/127\.0\.0\.1:\d+\//);
    expect(remoteHosts(log)).toEqual([]);
  }, 180_000);
});
