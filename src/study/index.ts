export * from './schema.ts';
export * from './parse.ts';
export * from './json-schema.ts';
export * from './lookup.ts';
export * from './slug.ts';
export * from './disclosure.ts';
export * from './sections.ts';
export * from './editions.ts';
