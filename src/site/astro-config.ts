import type { AstroInlineConfig } from 'astro';
import { reportIntegration, type ReportSource } from './virtual-report.ts';

/**
 * The Astro configuration of the report site, shared by `luotain build` and
 * `astro dev` (astro.config.mjs) so both render the same way.
 */
export function siteConfig(source: ReportSource, outDir?: string): AstroInlineConfig {
  // Astro's telemetry would look up its host on every run: Luotain works offline.
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  return {
    output: 'static',
    // The path the site is served under: Astro puts its assets (/_astro/) there; the pages put their links there (site-path.ts).
    base: source.base ?? '/',
    trailingSlash: 'always',
    build: { format: 'directory', inlineStylesheets: 'never' },
    // HTML-aware compression keeps the space between inline elements ("3,85 <abbr>").
    compressHTML: true,
    devToolbar: { enabled: false },
    integrations: [reportIntegration(source)],
    ...(outDir ? { outDir } : {}),
  };
}
