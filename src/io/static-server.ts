/**
 * A tiny static HTTP server over a built site: for the browser that prints the
 * PDFs (absolute /_astro/... URLs need a server; file:// does not work), for
 * `luotain serve` and for the browser tests. Bound to
 * 127.0.0.1 on a free port; GET and HEAD only; no dependencies. A site built for a
 * base path (`--base /reports/kaukovesi/`) is served at that path, as its web server would.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';

export const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.pdf': 'application/pdf',
  '.webmanifest': 'application/manifest+json',
};

export function mimeType(path: string): string {
  return MIME_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

export interface StaticServer {
  /** The origin, e.g. http://127.0.0.1:41234 (no trailing slash). */
  origin: string;
  port: number;
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/**
 * Maps a request path to a file under root, or undefined when the path is not
 * acceptable (malformed encoding, NUL bytes, or escaping the root).
 */
export function resolveRequestPath(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined;
  const base = resolve(root);
  const full = resolve(join(base, decoded));
  if (full !== base && !full.startsWith(base + sep)) return undefined;
  return full;
}

/** Pages served from memory rather than from the folder: their HTML by path under the base ("/fi/2025/print/"). */
export type ServedPages = (path: string) => Uint8Array | undefined;

async function handle(root: string, base: string, req: IncomingMessage, res: ServerResponse, pages?: ServedPages): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('allow', 'GET, HEAD');
    return send(res, 405, 'Method not allowed');
  }
  const requested = (req.url ?? '/').split(/[?#]/, 1)[0] ?? '/';
  // The site's root and the base without its last slash lead to the site; nothing else outside the base exists.
  if (base !== '/' && (requested === '/' || requested === base.slice(0, -1))) {
    res.writeHead(302, { location: base, 'content-length': 0 });
    res.end();
    return;
  }
  if (!requested.startsWith(base)) return send(res, 404, `Not found: the site is at ${base}`);
  const rawPath = `/${requested.slice(base.length)}`;
  // Traversal attempts are refused outright, before any normalisation could hide them.
  if (
    rawPath.split('/').some((segment) => {
      try {
        return decodeURIComponent(segment) === '..';
      } catch {
        return true;
      }
    })
  ) {
    return send(res, 403, 'Forbidden');
  }
  const page = pages?.(rawPath.endsWith('/index.html') ? rawPath.slice(0, -'index.html'.length) : rawPath);
  if (page) {
    res.writeHead(200, { 'content-type': MIME_TYPES['.html']!, 'content-length': page.byteLength, 'cache-control': 'no-store' });
    res.end(req.method === 'HEAD' ? undefined : page);
    return;
  }
  let file = resolveRequestPath(root, rawPath);
  if (!file) return send(res, 403, 'Forbidden');
  try {
    let info = await stat(file);
    if (info.isDirectory()) {
      file = join(file, 'index.html');
      info = await stat(file);
    }
    if (!info.isFile()) return send(res, 404, 'Not found');
    res.writeHead(200, { 'content-type': mimeType(file), 'content-length': info.size, 'cache-control': 'no-store' });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    const stream = createReadStream(file);
    stream.on('error', () => res.destroy());
    stream.pipe(res);
  } catch {
    send(res, 404, 'Not found');
  }
}

/**
 * Serves `root` on 127.0.0.1 at `port` (0: a free port), under `base` (a normalised
 * base path); `pages` serves pages not yet written to `root` (the print pages while the site renders).
 */
export async function serveStatic(root: string, port = 0, base = '/', pages?: ServedPages): Promise<StaticServer> {
  const server = createServer((req, res) => {
    handle(root, base, req, res, pages).catch(() => {
      if (!res.headersSent) send(res, 500, 'Internal error');
      else res.destroy();
    });
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', fail);
      ok();
    });
  });
  const address = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${address.port}`,
    port: address.port,
    close: () =>
      new Promise<void>((ok, fail) => {
        server.closeAllConnections();
        server.close((error) => (error ? fail(error) : ok()));
      }),
  };
}
