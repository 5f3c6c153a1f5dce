export * from './indicators-csv.ts';
export * from './indicators-json.ts';
export { workbookBytes } from './workbook.ts';
export { deckBytes } from './deck.ts';
