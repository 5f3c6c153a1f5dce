import JSZip from 'jszip';
import { writeZip, type ZipEntry } from './zip-writer.ts';

const CONTENT_TYPES = '[Content_Types].xml';
const GUID_IN_CHART = /(<c16:uniqueId val="\{[0-9A-Fa-f]{8})-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}\}/g;

/**
 * An Office file packed again so that it depends on its contents alone: every entry
 * dated `date` (the libraries stamp the clock), the document's created and modified
 * dates set to it, the random ids pptxgenjs gives chart labels made fixed, and the
 * workbooks embedded in a deck's charts packed the same way. The libraries are
 * asked for stored (uncompressed) packages, so each file is deflated once, here.
 */
export async function repackOffice(bytes: Uint8Array, date: string): Promise<Uint8Array> {
  const when = new Date(`${date}T00:00:00Z`);
  const source = await JSZip.loadAsync(bytes);
  // pptxgenjs numbers charts on from the last deck it made in the process: number them from 1 in each.
  const chartNumbers = Object.keys(source.files)
    .flatMap((name) => /^ppt\/charts\/chart(\d+)\.xml$/.exec(name)?.[1] ?? [])
    .map(Number)
    .sort((a, b) => a - b);
  const renumber = new Map(chartNumbers.map((n, i) => [n, i + 1]));
  const renamed = (text: string) =>
    text.replace(/(chart|Microsoft_Excel_Worksheet)(\d+)\.(xml|xlsx)/g, (whole, stem: string, n: string, ext: string) =>
      renumber.has(Number(n)) ? `${stem}${renumber.get(Number(n))}.${ext}` : whole,
    );
  // [Content_Types].xml first, as Office writes a package; the rest in a fixed order.
  const order = (a: string, b: string) => (a === CONTENT_TYPES ? -1 : b === CONTENT_TYPES ? 1 : a < b ? -1 : a > b ? 1 : 0);
  const entries = Object.values(source.files)
    .filter((entry) => !entry.dir)
    .map((entry) => ({ entry, name: renamed(entry.name) }))
    .sort((a, b) => order(a.name, b.name));
  const packed: ZipEntry[] = [];
  for (const { entry, name } of entries) {
    let content: Uint8Array | string;
    if (name.endsWith('.xlsx')) content = await repackOffice(await entry.async('uint8array'), date);
    else if (/\.(xml|rels)$/.test(name)) {
      let text = renamed(await entry.async('string'));
      if (name === 'docProps/core.xml') text = text.replace(/(<dcterms:(created|modified)[^>]*>)[^<]*/g, `$1${date}T00:00:00Z`);
      if (name.startsWith('ppt/charts/')) text = text.replace(GUID_IN_CHART, '$1-0000-4000-8000-000000000000}');
      content = text;
    } else content = await entry.async('uint8array');
    packed.push({ name, data: typeof content === 'string' ? Buffer.from(content, 'utf8') : content });
  }
  return writeZip(packed, when);
}
