import { Marked } from 'marked';

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

// Editorial text is written by people, not by us: raw HTML in it is shown as text,
// never passed through, and links may only use safe schemes.
const marked = new Marked({
  gfm: true,
  async: false,
  renderer: {
    html({ text }) {
      // Comments are notes to fellow authors (the scaffold's guidance), not content.
      if (/^\s*<!--[\s\S]*-->\s*$/.test(text)) return '';
      return escapeHtml(text);
    },
    link({ href, title, tokens }) {
      const inner = this.parser.parseInline(tokens);
      if (!/^(https?:|mailto:|#|\/(?!\/)|\.\.?\/)/i.test(href)) return inner;
      return `<a href="${escapeHtml(href)}"${title ? ` title="${escapeHtml(title)}"` : ''}>${inner}</a>`;
    },
    image({ text }) {
      return escapeHtml(text);
    },
    heading({ tokens, depth }) {
      // Commentary sits under the page's own h2 sections: demote its headings below them.
      const level = Math.min(6, depth + 2);
      return `<h${level}>${this.parser.parseInline(tokens)}</h${level}>\n`;
    },
  },
});

/** Markdown to sanitised HTML: no raw HTML, no script URLs. */
export function markdownToHtml(markdown: string): string {
  return (marked.parse(markdown) as string).trim();
}
