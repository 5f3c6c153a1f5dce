export * from './indicators-csv.ts';
export * from './indicators-json.ts';
