import type { APIRoute } from 'astro';
import report from 'virtual:luotain/report';
import { editionJson, indicatorsCsv } from '../../export/index.ts';
import { downloadHref, editionOf } from '../../site/view.ts';

export function getStaticPaths() {
  return report.editions.flatMap((e) => (['csv', 'json'] as const).map((kind) => ({ params: { file: downloadHref(report.study, e, kind).split('/').pop()! }, props: { year: e.year, kind } })));
}

export const GET: APIRoute = ({ props }) => {
  const edition = editionOf(report, props.year as number);
  const body = props.kind === 'csv' ? indicatorsCsv(report, [edition]) : editionJson(report, edition);
  return new Response(body);
};
