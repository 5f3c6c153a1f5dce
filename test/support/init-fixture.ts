/**
 * A small survey as a responses file would come from a research firm, written
 * as an SPSS file (with variable labels, value labels, a can't-say label and
 * user-missing codes), as a CSV and as a workbook, for the tests of `luotain init`.
 * The values are a fixed function of the row number, so every run is the same.
 */
import { csvToXlsx } from './convert.ts';
import { type SavValue, type SavWriterVariable, writeSav } from './sav-writer.ts';

export const ROWS = 60;

const SCALE: [number, string][] = [
  [1, 'Täysin eri mieltä'],
  [2, 'Jokseenkin eri mieltä'],
  [3, 'Ei samaa eikä eri mieltä'],
  [4, 'Jokseenkin samaa mieltä'],
  [5, 'Täysin samaa mieltä'],
  [6, 'En osaa sanoa'],
  [9, 'Vet inte'],
];

export const ITEM_LABELS = ['Yhtiö on luotettava', 'Yhtiö toimii vastuullisesti', 'Yhtiön palvelu on sujuvaa'];

/** The SPSS variables: id, group, weight, three items, gender, the NPS and its reason. */
export const SAV_VARIABLES: SavWriterVariable[] = [
  { name: 'resp_id', width: 0, label: 'Vastaajan tunniste' },
  {
    name: 'ryhma',
    width: 0,
    label: 'Sidosryhmä',
    labels: [
      [1, 'Asiakkaat'],
      [2, 'Kumppanit'],
    ],
  },
  { name: 'paino', width: 0, label: 'Painokerroin' },
  ...ITEM_LABELS.map((label, i) => ({ name: `q${i + 1}`, width: 0, label, labels: SCALE, missing: { values: [9] } })),
  {
    name: 'sukupuoli',
    width: 0,
    label: 'Sukupuoli',
    labels: [
      [1, 'Nainen'],
      [2, 'Mies'],
      [3, 'Muu'],
    ],
  },
  { name: 'nps', width: 0, label: 'Kuinka todennäköisesti suosittelisit yhtiötä ystävällesi?' },
  { name: 'nps_perustelu', width: 60, label: 'Miksi?' },
];

/** Row r (0-based) of the survey, in the variables' order. */
export function surveyRow(r: number): SavValue[] {
  const group = r % 3 === 0 ? 2 : 1;
  const weight = group === 1 ? 0.85 + (r % 4) * 0.05 : 1.2 + (r % 3) * 0.1;
  const answer = (k: number) => {
    const x = (r * (k + 3) + k) % 11;
    return x === 10 ? 6 : x === 9 && k === 2 ? 9 : (x % 5) + 1;
  };
  return [1000 + r, group, weight, answer(0), answer(1), answer(2), (r % 3) + 1, r % 11, r % 4 === 0 ? `Hyvä palvelu ${r}` : ''];
}

export function savFile(): Uint8Array {
  return writeSav(
    SAV_VARIABLES,
    Array.from({ length: ROWS }, (_, r) => surveyRow(r)),
    { compressed: true },
  );
}

/** The same survey as a CSV export: group and gender as text, the user-missing 9 written out as blank. */
export function csvText(): string {
  const header = ['resp_id', 'group', 'weight', 'q1', 'q2', 'q3', 'gender', 'nps', 'nps_reason'];
  const lines = Array.from({ length: ROWS }, (_, r) => {
    const v = surveyRow(r);
    const text = (x: SavValue) => (x === 9 ? '' : String(x));
    return [v[0], v[1] === 1 ? 'customers' : 'partners', v[2], text(v[3]), text(v[4]), text(v[5]), ['female', 'male', 'other'][(v[6] as number) - 1], v[7], v[8]].map(String).join(',');
  });
  return `${header.join(',')}\n${lines.join('\n')}\n`;
}

export function xlsxFile(): Promise<Uint8Array> {
  return csvToXlsx(csvText(), 'Vastaukset');
}
