/**
 * Site paths under the base path: the route table and the view helpers give paths from
 * the site's root ("/en/2025/"); a page links to them under the base the site is served
 * at ("/reports/kaukovesi/en/2025/").
 */

/** A site path (starting with "/") under `base` (a normalised base path: "/" or "/a/b/"). */
export function withBase(base: string, path: string): string {
  if (!path.startsWith('/') || path.startsWith('//')) return path;
  return base === '/' ? path : `${base}${path.slice(1)}`;
}

/**
 * The links of commentary HTML under `base`: the links written from the site's root
 * ("/en/2025/areas/x/"). The markdown renderer escapes raw HTML, so every `<a href="`
 * in it is one it wrote.
 */
export function rebaseLinks(html: string, base: string): string {
  if (base === '/') return html;
  return html.replace(/<a href="(\/(?!\/)[^"]*)"/g, (_m, path: string) => `<a href="${withBase(base, path)}"`);
}
