// Configuration for `npm run dev`: the sample study (or LUOTAIN_DATA / LUOTAIN_REPORTS)
// with live reload when data or commentary change. `luotain build` passes its own.
import { defineConfig } from 'astro/config';
import { resolve } from 'node:path';
import { siteConfig } from './src/site/astro-config.ts';
import { devReportSource } from './src/pipeline/dev-source.ts';

const dataDir = resolve(process.env.LUOTAIN_DATA ?? 'data');
const reportsDir = resolve(process.env.LUOTAIN_REPORTS ?? 'reports');

export default defineConfig(siteConfig(devReportSource(dataDir, reportsDir)));
