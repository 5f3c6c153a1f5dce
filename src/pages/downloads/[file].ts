import type { APIRoute } from 'astro';
import report, { siteOptions } from 'virtual:luotain/report';
import { deckBytes, editionJson, indicatorsCsv, workbookBytes } from '../../export/index.ts';
import { downloadHref, editionOf, officeFileName } from '../../site/view.ts';

export function getStaticPaths() {
  const data = report.editions.flatMap((e) => (['csv', 'json'] as const).map((kind) => ({ params: { file: downloadHref(report.study, e, kind).split('/').pop()! }, props: { year: e.year, kind } })));
  // The workbook and the deck of each edition in each language.
  const office = (siteOptions.office ? report.editions : []).flatMap((e) =>
    report.study.languages.flatMap((lang) => (['xlsx', 'pptx'] as const).map((kind) => ({ params: { file: officeFileName(report.study, e, lang, kind) }, props: { year: e.year, kind, lang } }))),
  );
  return [...data, ...office];
}

export const GET: APIRoute = async ({ props }) => {
  const edition = editionOf(report, props.year as number);
  if (props.kind === 'xlsx') return new Response((await workbookBytes(report, edition, props.lang)) as Uint8Array<ArrayBuffer>);
  if (props.kind === 'pptx') return new Response((await deckBytes(report, edition, props.lang)) as Uint8Array<ArrayBuffer>);
  const body = props.kind === 'csv' ? indicatorsCsv(report, [edition]) : editionJson(report, edition);
  return new Response(body);
};
