import { describe, expect, it } from 'vitest';
import { absoluteUrl, socialTags } from '../../src/site/social.ts';
import { siteReport, withStudy } from './fixture.ts';

const tagsOf = (tags: ReturnType<typeof socialTags>) => Object.fromEntries(tags.filter((t) => t.key !== 'og:locale:alternate').map((t) => [t.key, t.content]));

describe('socialTags', () => {
  const model = siteReport();
  const page = { lang: 'fi' as const, path: '/fi/2025/areas/d2/', title: 'Two items – Model test 2025', description: 'Org: Model test 2025', year: 2025 };

  it('without a site address: title, description, type and locales, no image or URL (both must be absolute), a summary card', () => {
    const tags = socialTags({ study: model.study, ...page });
    expect(tagsOf(tags)).toEqual({
      'og:type': 'website',
      'og:site_name': model.study.title.fi,
      'og:title': page.title,
      'og:description': page.description,
      'og:locale': 'fi_FI',
      'twitter:card': 'summary',
    });
    expect(tags.filter((t) => t.key === 'og:locale:alternate').map((t) => t.content)).toEqual(['en_GB']);
    expect(tags.find((t) => t.key === 'twitter:card')?.attribute).toBe('name');
  });

  it("with siteUrl: the page's absolute address and the edition's share image with its size and text alternative, a large-image card", () => {
    const published = withStudy(model, (s) => ({ ...s, siteUrl: 'https://reports.example.fi/kaukovesi/' }));
    const tags = tagsOf(socialTags({ study: published.study, ...page }));
    expect(tags['og:url']).toBe('https://reports.example.fi/kaukovesi/fi/2025/areas/d2/');
    expect(tags['og:image']).toBe('https://reports.example.fi/kaukovesi/fi/2025/share.png');
    expect([tags['og:image:width'], tags['og:image:height'], tags['og:image:type']]).toEqual(['1200', '630', 'image/png']);
    expect(tags['og:image:alt']).toBe(`${model.study.title.fi} 2025: keskeiset tunnusluvut`);
    expect(tags['twitter:card']).toBe('summary_large_image');
  });

  it('resolves a site path below the root, keeping the base path', () => {
    expect(absoluteUrl('https://x.fi/a/b/', '/en/2024/')).toBe('https://x.fi/a/b/en/2024/');
    expect(absoluteUrl('https://x.fi/', '/')).toBe('https://x.fi/');
  });
});
