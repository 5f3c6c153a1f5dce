import JSZip from 'jszip';

const CONTENT_TYPES = '[Content_Types].xml';
const GUID_IN_CHART = /(<c16:uniqueId val="\{[0-9A-Fa-f]{8})-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}\}/g;

/**
 * An Office file packed again so that it depends on its contents alone: every entry
 * dated `date` (the libraries stamp the clock), the document's created and modified
 * dates set to it, the random ids pptxgenjs gives chart labels made fixed, and the
 * workbooks embedded in a deck's charts packed the same way.
 */
export async function repackOffice(bytes: Uint8Array, date: string): Promise<Uint8Array> {
  const when = new Date(`${date}T00:00:00Z`);
  const source = await JSZip.loadAsync(bytes);
  const target = new JSZip();
  // [Content_Types].xml first, as Office writes a package; the rest in a fixed order.
  const names = Object.keys(source.files).sort((a, b) => (a === CONTENT_TYPES ? -1 : b === CONTENT_TYPES ? 1 : a < b ? -1 : a > b ? 1 : 0));
  for (const name of names) {
    const entry = source.files[name]!;
    if (entry.dir) continue;
    let content: Uint8Array | string;
    if (name.endsWith('.xlsx')) content = await repackOffice(await entry.async('uint8array'), date);
    else if (name === 'docProps/core.xml') content = (await entry.async('string')).replace(/(<dcterms:(created|modified)[^>]*>)[^<]*/g, `$1${date}T00:00:00Z`);
    else if (name.startsWith('ppt/charts/') && name.endsWith('.xml')) content = (await entry.async('string')).replace(GUID_IN_CHART, '$1-0000-4000-8000-000000000000}');
    else content = await entry.async('uint8array');
    target.file(name, content, { date: when, createFolders: false });
  }
  return target.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 }, platform: 'DOS' });
}
