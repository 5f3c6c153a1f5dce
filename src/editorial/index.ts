export * from './markdown.ts';
export * from './front-matter.ts';
export * from './parse-editorial.ts';
export * from './read-editorials.ts';
