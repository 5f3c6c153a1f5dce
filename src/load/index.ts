export * from './types.ts';
export * from './decode.ts';
export * from './parse-responses.ts';
export * from './parse-benchmarks.ts';
export * from './read-study.ts';
export * from './format-issue.ts';
export * from './quality.ts';
export * from './answers.ts';
