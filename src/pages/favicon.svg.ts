import type { APIRoute } from 'astro';
import report from 'virtual:luotain/report';
import { faviconSvg } from '../site/favicon.ts';

export const GET: APIRoute = () => new Response(faviconSvg(report.study.bands), { headers: { 'Content-Type': 'image/svg+xml' } });
