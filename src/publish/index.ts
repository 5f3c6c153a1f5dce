export * from './record.ts';
export * from './figures.ts';
export * from './parse-record.ts';
export * from './verify.ts';
export * from './front-matter-update.ts';
