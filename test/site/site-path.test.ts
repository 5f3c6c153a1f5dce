import { describe, expect, it } from 'vitest';
import { markdownToHtml } from '../../src/editorial/markdown.ts';
import { rebaseLinks, withBase } from '../../src/site/site-path.ts';

describe('site paths under the base path', () => {
  it('puts a site path under the base; the root base leaves it as it is', () => {
    expect(withBase('/reports/kaukovesi/', '/en/2025/')).toBe('/reports/kaukovesi/en/2025/');
    expect(withBase('/reports/kaukovesi/', '/')).toBe('/reports/kaukovesi/');
    expect(withBase('/reports/kaukovesi/', '/favicon.svg')).toBe('/reports/kaukovesi/favicon.svg');
    expect(withBase('/', '/en/2025/')).toBe('/en/2025/');
  });

  it('leaves what is not a site path alone: fragments, relative paths, other hosts', () => {
    for (const href of ['#main', '../2024/', 'https://example.fi/', '//cdn.example.fi/x.css', 'mailto:a@b.fi']) expect(withBase('/r/', href)).toBe(href);
  });

  it("moves the commentary's links from the site's root under the base, and no other", () => {
    const html = markdownToHtml(
      'See [the areas](/en/2025/areas/governance/), [the method](../method/), [the source](https://example.fi/a), [below](#x) and [a host](//example.fi/). Text: <a href="/x">raw</a>',
    );
    expect(rebaseLinks(html, '/reports/kaukovesi/')).toBe(
      '<p>See <a href="/reports/kaukovesi/en/2025/areas/governance/">the areas</a>, <a href="../method/">the method</a>, <a href="https://example.fi/a">the source</a>, <a href="#x">below</a> and a host. Text: &lt;a href=&quot;/x&quot;&gt;raw&lt;/a&gt;</p>',
    );
    expect(rebaseLinks(html, '/')).toBe(html);
  });
});
