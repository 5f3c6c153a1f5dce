export * from './languages.ts';
export * from './locale.ts';
export * from './text.ts';
export type { Dictionary } from './en/dictionary.ts';
