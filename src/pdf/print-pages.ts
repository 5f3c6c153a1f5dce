import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The print pages handed from the site's rendering to the PDF export as each is
 * rendered, so that Chromium prints the first PDFs while the other pages still
 * render (the rendering keeps one core busy and leaves the other mostly idle).
 * A page is keyed by its path under the site's base ("/fi/2025/print/").
 */
export class PrintPages {
  private readonly rendered = new Map<string, Uint8Array>();
  private readonly waiting = new Map<string, { resolve: (html: Uint8Array) => void; reject: (error: unknown) => void }[]>();
  /** No more pages will come: the rendering failed (its error), or it ended. */
  private ended: { error?: unknown } | undefined;

  private readonly paths = new Set<string>();

  /** @param paths the print pages the PDF export expects (more may be named with expect before they render). */
  constructor(paths: Iterable<string> = []) {
    this.expect(paths);
  }

  /** Names more print pages the PDF export expects. */
  expect(paths: Iterable<string>): void {
    for (const path of paths) this.paths.add(path);
  }

  /** Whether `path` is one of the expected print pages. */
  expects(path: string): boolean {
    return this.paths.has(path);
  }

  /** A print page's HTML, as the site will have it. */
  add(path: string, html: Uint8Array): void {
    if (!this.expects(path) || this.ended) return;
    this.rendered.set(path, html);
    for (const waiter of this.waiting.get(path) ?? []) waiter.resolve(html);
    this.waiting.delete(path);
  }

  /** The page at `path`, once rendered; rejected when the rendering ends without it. */
  page(path: string): Promise<Uint8Array> {
    const html = this.rendered.get(path);
    if (html) return Promise.resolve(html);
    if (this.ended) return Promise.reject(this.ended.error ?? new Error(`the site was rendered without the print page ${path}`));
    if (!this.expects(path)) return Promise.reject(new Error(`${path} is not a print page of this build`));
    return new Promise((resolve, reject) => {
      const list = this.waiting.get(path) ?? [];
      list.push({ resolve, reject });
      this.waiting.set(path, list);
    });
  }

  /** The rendered pages so far. */
  all(): ReadonlyMap<string, Uint8Array> {
    return this.rendered;
  }

  /** No more pages: those still awaited are rejected with `error` (the rendering's, or that the page never came). */
  end(error?: unknown): void {
    if (this.ended) return;
    this.ended = error === undefined ? {} : { error };
    for (const [path, waiters] of this.waiting) {
      const reason = error ?? new Error(`the site was rendered without the print page ${path}`);
      for (const waiter of waiters) waiter.reject(reason);
    }
    this.waiting.clear();
  }
}

/** That the print pages the PDFs were printed from are the ones written into the site at `siteDir`, byte for byte. */
export async function checkPrintPages(siteDir: string, pages: PrintPages): Promise<void> {
  for (const [path, html] of pages.all()) {
    const file = await readFile(join(siteDir, path, 'index.html'));
    if (Buffer.compare(file, html) !== 0) throw new Error(`the print page ${path} was written other than it was printed; the PDFs would not match the site`);
  }
}
