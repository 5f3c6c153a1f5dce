import { access, constants } from 'node:fs/promises';
import type { Browser } from 'playwright-core';

/**
 * Flags that let headless Chromium run as root on a machine without network, and
 * keep it from calling home: no background networking, component or variations
 * updates, sign-in, sync, metrics, safe-browsing or domain-reliability reports, and
 * a resolver that answers every host but this machine with "not found", so even a
 * request nobody thought of cannot leave it.
 */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
  '--no-default-browser-check',
  '--no-pings',
  '--disable-default-apps',
  '--disable-domain-reliability',
  '--disable-breakpad',
  '--disable-client-side-phishing-detection',
  '--disable-component-extensions-with-background-pages',
  '--disable-features=AccountConsistency,SigninInterceptBubble,OptimizationHints,MediaRouter,Translate,AutofillServerCommunication,CertificateTransparencyComponentUpdater,InterestFeedContentSuggestions,SafeBrowsing',
  '--metrics-recording-only',
  '--password-store=basic',
  '--use-mock-keychain',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
  '--font-render-hinting=none',
];

const SYSTEM_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

export interface ResolvedBrowser {
  executablePath: string;
  /** Where it was found, for messages. */
  source: 'LUOTAIN_CHROMIUM' | 'playwright' | 'system' | 'npm package @sparticuz/chromium';
}

export class BrowserNotFoundError extends Error {
  constructor(tried: string[]) {
    super(
      [
        'No Chromium found for the PDFs. Looked at:',
        ...tried.map((t) => `  - ${t}`),
        'Do one of these:',
        '  - run "npm install" again (it installs a Chromium with the npm package @sparticuz/chromium on Linux x64);',
        "  - install Chromium from your system's packages (Debian/Ubuntu: apt install chromium);",
        '  - set LUOTAIN_CHROMIUM to the path of a Chrome or Chromium executable;',
        '  - or build without PDFs: luotain build --no-pdf.',
      ].join('\n'),
    );
    this.name = 'BrowserNotFoundError';
  }
}

async function executable(path: string): Promise<boolean> {
  try {
    await access(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Finds a Chromium: LUOTAIN_CHROMIUM, then Playwright's own download, then a system
 * Chrome or Chromium, then the one shipped inside the npm package @sparticuz/chromium.
 */
export async function resolveBrowser(env: Record<string, string | undefined> = process.env): Promise<ResolvedBrowser> {
  const tried: string[] = [];
  const fromEnv = env.LUOTAIN_CHROMIUM;
  if (fromEnv) {
    if (await executable(fromEnv)) return { executablePath: fromEnv, source: 'LUOTAIN_CHROMIUM' };
    // An explicit choice that doesn't work is an error, not something to route around.
    throw new BrowserNotFoundError([`LUOTAIN_CHROMIUM=${fromEnv} (not an executable file)`]);
  }
  tried.push('LUOTAIN_CHROMIUM (not set)');
  try {
    const { chromium } = await import('playwright-core');
    const path = chromium.executablePath();
    if (path && (await executable(path))) return { executablePath: path, source: 'playwright' };
    tried.push(`Playwright's Chromium (${path}: not installed)`);
  } catch {
    tried.push("Playwright's Chromium (not installed)");
  }
  for (const path of SYSTEM_PATHS) {
    if (await executable(path)) return { executablePath: path, source: 'system' };
  }
  tried.push(`system Chrome/Chromium (${SYSTEM_PATHS.slice(0, 4).join(', ')}, …)`);
  try {
    const sparticuz = (await import('@sparticuz/chromium')).default;
    const path = await sparticuz.executablePath();
    if (path && (await executable(path))) return { executablePath: path, source: 'npm package @sparticuz/chromium' };
    tried.push('npm package @sparticuz/chromium (no executable)');
  } catch (error) {
    tried.push(`npm package @sparticuz/chromium (${(error as Error).message.split('\n')[0]})`);
  }
  throw new BrowserNotFoundError(tried);
}

/**
 * What printing adds: compositing on the renderer's main thread. A print is one long
 * paint; the compositor's own thread only adds work there (about a sixth of Chromium's
 * CPU for the sample's PDFs), and a threaded paint also writes drawing that falls
 * outside every page into the page's content (the dots of dotted rules, clipped away).
 * The PDFs look the same to the pixel and have the same text, structure tree, fonts and
 * links; their content streams are a quarter smaller.
 */
export const PRINT_FLAGS = ['--disable-threaded-compositing'];

/** Launches headless Chromium with the resolved executable, with CHROMIUM_FLAGS and `extraFlags`. */
export async function launchBrowser(env: Record<string, string | undefined> = process.env, extraFlags: readonly string[] = []): Promise<{ browser: Browser; resolved: ResolvedBrowser }> {
  const resolved = await resolveBrowser(env);
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: resolved.executablePath, headless: true, args: [...CHROMIUM_FLAGS, ...extraFlags] });
  return { browser, resolved };
}
