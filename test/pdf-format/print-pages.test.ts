/** The print pages handed from the site's rendering to the PDF export, and the prerenderer that renders them first. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AstroPrerenderer } from 'astro';
import { afterAll, describe, expect, it } from 'vitest';
import { checkPrintPages, PrintPages } from '../../src/pdf/print-pages.ts';
import { printPagesFirst, withSetupStep } from '../../src/site/virtual-report.ts';

const scratch = mkdtempSync(join(tmpdir(), 'luotain-print-pages-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const bytes = (text: string) => new TextEncoder().encode(text);

describe('PrintPages', () => {
  it('gives a page to those waiting for it and to those asking later', async () => {
    const pages = new PrintPages(['/fi/2025/print/', '/en/2025/print/']);
    const waiting = pages.page('/en/2025/print/');
    pages.add('/en/2025/print/', bytes('en'));
    expect(new TextDecoder().decode(await waiting)).toBe('en');
    expect(new TextDecoder().decode(await pages.page('/en/2025/print/'))).toBe('en');
    expect([...pages.all().keys()]).toEqual(['/en/2025/print/']);
  });

  it('takes only the pages it expects, and rejects a page never rendered when the rendering ends, or with its error', async () => {
    const pages = new PrintPages(['/fi/2025/print/', '/en/2025/print/']);
    pages.add('/fi/2025/index.html', bytes('x'));
    expect(pages.all().size).toBe(0);
    await expect(pages.page('/sv/2025/print/')).rejects.toThrow('/sv/2025/print/ is not a print page of this build');
    const never = pages.page('/fi/2025/print/');
    pages.end();
    await expect(never).rejects.toThrow('the site was rendered without the print page /fi/2025/print/');
    await expect(pages.page('/en/2025/print/')).rejects.toThrow('the site was rendered without the print page /en/2025/print/');

    const failing = new PrintPages(['/fi/2025/print/']);
    const waiting = failing.page('/fi/2025/print/');
    const error = new Error('a page failed to render');
    failing.end(error);
    await expect(waiting).rejects.toBe(error);
    // After the end, nothing more is taken.
    failing.add('/fi/2025/print/', bytes('late'));
    expect(failing.all().size).toBe(0);
  });
});

describe('printPagesFirst', () => {
  /** A prerenderer of four pages, recording what it was asked. */
  const fake = () => {
    const calls: string[] = [];
    const route = (name: string) => ({ route: name }) as never;
    const prerenderer: AstroPrerenderer = {
      name: 'fake',
      setup: async () => void calls.push('setup'),
      teardown: async () => void calls.push('teardown'),
      getStaticPaths: async () => [
        { pathname: '/fi/2025/areas/x/', route: route('areas') },
        { pathname: '/fi/2025/print', route: route('print') },
        { pathname: '/fi/2025/', route: route('summary') },
        { pathname: '/en/2025/print/', route: route('print') },
      ],
      render: async (request) => {
        calls.push(`render ${new URL(request.url).pathname}`);
        const path = new URL(request.url).pathname;
        if (path.endsWith('/en/2025/print/')) return { response: new Response(`<html>${path}</html>`, { headers: { 'x-test': '1' } }), metadata: { x: 1 } as never };
        return new Response(`<html>${path}</html>`);
      },
    };
    return { prerenderer, calls };
  };

  it('renders the print pages first, in their order, the others after in theirs', async () => {
    const { prerenderer } = fake();
    const pages = new PrintPages(['/fi/2025/print/', '/en/2025/print/']);
    const paths = await printPagesFirst(prerenderer, pages, '/').getStaticPaths();
    expect(paths.map((p) => p.pathname)).toEqual(['/fi/2025/print', '/en/2025/print/', '/fi/2025/areas/x/', '/fi/2025/']);
  });

  it('hands over a print page under the base with the bytes Astro writes, and leaves the others as rendered', async () => {
    const { prerenderer, calls } = fake();
    const pages = new PrintPages(['/fi/2025/print/', '/en/2025/print/']);
    const wrapped = printPagesFirst(prerenderer, pages, '/reports/');
    await wrapped.setup!();
    const print = await wrapped.render(new Request('http://localhost/reports/en/2025/print/'), { routeData: {} as never });
    const other = await wrapped.render(new Request('http://localhost/reports/fi/2025/'), { routeData: {} as never });
    await wrapped.teardown!();
    expect(calls).toEqual(['setup', 'render /reports/en/2025/print/', 'render /reports/fi/2025/', 'teardown']);
    // The result keeps its metadata and headers, and its body is the bytes handed over.
    expect(print).not.toBeInstanceOf(Response);
    const { response, metadata } = print as { response: Response; metadata: unknown };
    expect(metadata).toEqual({ x: 1 });
    expect(response.headers.get('x-test')).toBe('1');
    const written = await response.text();
    expect(written).toBe('<html>/reports/en/2025/print/</html>');
    expect(new TextDecoder().decode(await pages.page('/en/2025/print/'))).toBe(written);
    expect(await (other as Response).text()).toBe('<html>/reports/fi/2025/</html>');
    expect([...pages.all().keys()]).toEqual(['/en/2025/print/']);
  });
});

describe('checkPrintPages', () => {
  it('passes when the site holds the pages printed, and fails naming the page when one was written otherwise', async () => {
    const site = join(scratch, 'site');
    mkdirSync(join(site, 'fi', '2025', 'print'), { recursive: true });
    writeFileSync(join(site, 'fi', '2025', 'print', 'index.html'), '<html>fi</html>');
    const pages = new PrintPages(['/fi/2025/print/']);
    pages.add('/fi/2025/print/', bytes('<html>fi</html>'));
    await expect(checkPrintPages(site, pages)).resolves.toBeUndefined();
    writeFileSync(join(site, 'fi', '2025', 'print', 'index.html'), '<html>fi, changed</html>');
    await expect(checkPrintPages(site, pages)).rejects.toThrow('the print page /fi/2025/print/ was written other than it was printed');
  });
});

describe('withSetupStep', () => {
  const inner = (calls: string[], failSetup = false): AstroPrerenderer => ({
    name: 'inner',
    setup: async () => {
      calls.push('setup');
      if (failSetup) throw new Error('setup failed');
    },
    teardown: async () => void calls.push('teardown'),
    getStaticPaths: async () => [],
    render: async () => new Response(''),
  });

  it('does its step before the setup (which imports the pages) and its cleanup after the teardown', async () => {
    const calls: string[] = [];
    const wrapped = withSetupStep(
      inner(calls),
      async () => void calls.push('step'),
      () => void calls.push('cleanup'),
    );
    await wrapped.setup!();
    await wrapped.teardown!();
    expect(calls).toEqual(['step', 'setup', 'teardown', 'cleanup']);
  });

  it('cleans up when its step or the setup fails, and passes the failure on', async () => {
    const calls: string[] = [];
    const stepFails = withSetupStep(
      inner(calls),
      async () => Promise.reject(new Error('no model')),
      () => void calls.push('cleanup'),
    );
    await expect(stepFails.setup!()).rejects.toThrow('no model');
    expect(calls).toEqual(['cleanup']);
    calls.length = 0;
    const setupFails = withSetupStep(
      inner(calls, true),
      async () => void calls.push('step'),
      () => void calls.push('cleanup'),
    );
    await expect(setupFails.setup!()).rejects.toThrow('setup failed');
    expect(calls).toEqual(['step', 'setup', 'cleanup']);
  });
});
