export * from './input-issue.ts';
export * from './format-issue.ts';
