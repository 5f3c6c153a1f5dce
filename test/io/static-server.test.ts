/** The static server the PDF export prints from: MIME types, index files, 404, traversal. */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mimeType, resolveRequestPath, serveStatic, type StaticServer } from '../../src/io/static-server.ts';

let root: string;
let server: StaticServer;

/** A raw GET: fetch() would normalise "/../" away before sending it. */
function get(path: string, method = 'GET', port = server.port): Promise<{ status: number; type: string | undefined; body: string }> {
  return new Promise((ok, fail) => {
    const req = request({ host: '127.0.0.1', port, path, method }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => ok({ status: res.statusCode ?? 0, type: res.headers['content-type'], body }));
    });
    req.on('error', fail);
    req.end();
  });
}

beforeAll(async () => {
  const base = await mkdtemp(join(tmpdir(), 'luotain-serve-'));
  root = join(base, 'site');
  await mkdir(join(root, 'fi', '2025', 'print'), { recursive: true });
  await mkdir(join(root, '_astro'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html><title>root</title>');
  await writeFile(join(root, 'fi', '2025', 'print', 'index.html'), '<!doctype html><title>print</title>');
  await writeFile(join(root, '_astro', 'inter.woff2'), Buffer.from([0x77, 0x4f, 0x46, 0x32]));
  await writeFile(join(root, '_astro', 'print.css'), 'body{}');
  await writeFile(join(root, '_astro', 'chart.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  await writeFile(join(root, 'report.pdf'), '%PDF-1.7');
  await writeFile(join(root, 'a b.json'), '{}');
  // A file beside the root that traversal would reach.
  await writeFile(join(base, 'secret.txt'), 'secret');
  server = await serveStatic(root);
});

afterAll(async () => {
  await server?.close();
  await rm(join(root, '..'), { recursive: true, force: true });
});

describe('serveStatic', () => {
  it('listens on 127.0.0.1 on a free port', () => {
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.port).toBeGreaterThan(0);
  });

  it('serves files with their MIME types', async () => {
    expect(await get('/_astro/inter.woff2')).toMatchObject({ status: 200, type: 'font/woff2' });
    expect(await get('/_astro/print.css')).toMatchObject({ status: 200, type: 'text/css; charset=utf-8', body: 'body{}' });
    expect(await get('/_astro/chart.svg')).toMatchObject({ status: 200, type: 'image/svg+xml' });
    expect(await get('/report.pdf')).toMatchObject({ status: 200, type: 'application/pdf' });
    expect(await get('/a%20b.json')).toMatchObject({ status: 200, type: 'application/json; charset=utf-8' });
  });

  it("serves a folder's index.html, ignoring the query string", async () => {
    expect(await get('/')).toMatchObject({ status: 200, type: 'text/html; charset=utf-8' });
    const print = await get('/fi/2025/print/?x=1');
    expect(print.status).toBe(200);
    expect(print.body).toContain('<title>print</title>');
  });

  it('answers HEAD without a body', async () => {
    expect(await get('/report.pdf', 'HEAD')).toMatchObject({ status: 200, type: 'application/pdf', body: '' });
  });

  it('answers 404 for what is not there and 405 for other methods', async () => {
    expect((await get('/nothing.html')).status).toBe(404);
    expect((await get('/fi/2024/print/')).status).toBe(404);
    expect((await get('/report.pdf', 'POST')).status).toBe(405);
  });

  it('refuses paths that leave the root', async () => {
    for (const path of ['/../secret.txt', '/fi/../../secret.txt', '/%2e%2e/secret.txt', '/%2E%2E%2Fsecret.txt', '/..%5Csecret.txt', '/%00', '/%E0%A4%A']) {
      const res = await get(path);
      expect(res.status, path).toBeGreaterThanOrEqual(400);
      expect(res.body, path).not.toContain('secret');
    }
  });

  it('resolveRequestPath keeps paths inside the root', () => {
    expect(resolveRequestPath('/srv/site', '/a/b.css')).toBe('/srv/site/a/b.css');
    expect(resolveRequestPath('/srv/site', '/')).toBe('/srv/site');
    expect(resolveRequestPath('/srv/site', '/../site2/x')).toBeUndefined();
    expect(resolveRequestPath('/srv/site', '/%2e%2e/x')).toBeUndefined();
    expect(resolveRequestPath('/srv/site', '/%zz')).toBeUndefined();
  });

  it('knows the types the site uses', () => {
    expect(mimeType('x.woff2')).toBe('font/woff2');
    expect(mimeType('x.WOFF')).toBe('font/woff');
    expect(mimeType('x.html')).toBe('text/html; charset=utf-8');
    expect(mimeType('x.js')).toBe('text/javascript; charset=utf-8');
    expect(mimeType('x.csv')).toBe('text/csv; charset=utf-8');
    expect(mimeType('x.unknown')).toBe('application/octet-stream');
  });

  it('closes', async () => {
    const other = await serveStatic(root);
    await other.close();
    await expect(fetch(`${other.origin}/`)).rejects.toThrow();
  });
});

describe('serveStatic under a base path', () => {
  it('serves the site at the base only; the root and the base without its slash lead there', async () => {
    const under = await serveStatic(root, 0, '/reports/kaukovesi/');
    const at = (path: string) => fetch(`${under.origin}${path}`, { redirect: 'manual' });
    try {
      expect((await at('/reports/kaukovesi/fi/2025/print/')).status).toBe(200);
      expect(await (await at('/reports/kaukovesi/_astro/print.css')).text()).toBe('body{}');
      expect((await at('/reports/kaukovesi/')).status).toBe(200);
      for (const path of ['/', '/reports/kaukovesi']) {
        const res = await at(path);
        expect([res.status, res.headers.get('location')]).toEqual([302, '/reports/kaukovesi/']);
      }
      for (const path of ['/fi/2025/print/', '/_astro/print.css', '/reports/', '/reports/kaukovesi-2/index.html']) expect((await at(path)).status, path).toBe(404);
      expect((await at('/reports/kaukovesi/../../secret.txt')).status).not.toBe(200);
    } finally {
      await under.close();
    }
  });
});

describe('serveStatic with pages from memory (the print pages while the site renders)', () => {
  it('serves a page from memory before the folder has it, as a folder or its index.html, under the base; every other path from the folder', async () => {
    const html = new TextEncoder().encode('<!doctype html><title>from memory</title>');
    const asked: string[] = [];
    const pages = (path: string) => {
      asked.push(path);
      return path === '/fi/2024/print/' ? html : undefined;
    };
    const under = await serveStatic(root, 0, '/reports/', pages);
    const at = (path: string, method = 'GET') => fetch(`${under.origin}${path}`, { method });
    try {
      for (const path of ['/reports/fi/2024/print/', '/reports/fi/2024/print/index.html']) {
        const res = await at(path);
        expect([res.status, res.headers.get('content-type'), await res.text()], path).toEqual([200, 'text/html; charset=utf-8', '<!doctype html><title>from memory</title>']);
      }
      const head = await at('/reports/fi/2024/print/', 'HEAD');
      expect([head.status, head.headers.get('content-length'), await head.text()]).toEqual([200, String(html.byteLength), '']);
      // Not in memory: the folder's file, or 404.
      expect(await (await at('/reports/fi/2025/print/')).text()).toContain('<title>print</title>');
      expect((await at('/reports/fi/2023/print/')).status).toBe(404);
      // Traversal is refused before memory is asked.
      expect((await get('/reports/fi/../fi/2024/print/', 'GET', under.port)).status).toBe(403);
      expect(asked.filter((path) => path.includes('..'))).toEqual([]);
    } finally {
      await under.close();
    }
  });
});
