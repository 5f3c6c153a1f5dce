/**
 * The Open Graph and Twitter card tags of a page: what a link to it shows when shared.
 * An image and the page's own address must be absolute URLs (https://ogp.me/#url), so
 * they are given only when study.json says where the site is published (siteUrl);
 * without it a share preview shows the title and description, as a "summary" card.
 */
import { localeOf, t } from '../i18n/index.ts';
import type { StudyMeta } from '../model/types.ts';
import type { Lang } from '../study/schema.ts';
import { shareImageHref } from './view.ts';
import { SHARE_HEIGHT, SHARE_WIDTH } from '../figures/share-image.ts';

/** One <meta> tag: Open Graph tags take `property`, Twitter's `name`. */
export interface SocialTag {
  attribute: 'property' | 'name';
  key: string;
  content: string;
}

/** An address below the site's root as an absolute URL (the root given with its trailing "/"). */
export function absoluteUrl(siteUrl: string, path: string): string {
  return new URL(path.replace(/^\//, ''), siteUrl).href;
}

/** What a page's social tags say: its study, language, address below the site's root, title and description, and the edition whose share image it shows. */
export interface SocialPage {
  study: StudyMeta;
  lang: Lang;
  path: string;
  title: string;
  description: string;
  /** The edition of the share image (none: no image). */
  year?: number;
}

/** The social tags of a page. */
export function socialTags(page: SocialPage): SocialTag[] {
  const { study, lang, year } = page;
  const og = (key: string, content: string): SocialTag => ({ attribute: 'property', key: `og:${key}`, content });
  const site = study.siteUrl;
  const image =
    site && year !== undefined
      ? [
          og('image', absoluteUrl(site, shareImageHref(lang, year))),
          og('image:type', 'image/png'),
          og('image:width', String(SHARE_WIDTH)),
          og('image:height', String(SHARE_HEIGHT)),
          og('image:alt', t(lang, 'figure.shareAlt', { study: study.title[lang], year: String(year) })),
        ]
      : [];
  return [
    og('type', 'website'),
    og('site_name', study.title[lang]),
    og('title', page.title),
    og('description', page.description),
    og('locale', localeOf(lang).ogLocale),
    ...study.languages.filter((l) => l !== lang).map((l) => og('locale:alternate', localeOf(l).ogLocale)),
    ...(site ? [og('url', absoluteUrl(site, page.path))] : []),
    ...image,
    { attribute: 'name', key: 'twitter:card', content: image.length > 0 ? 'summary_large_image' : 'summary' },
  ];
}
