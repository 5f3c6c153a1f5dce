export * from './types.ts';
export * from './decode.ts';
export * from './parse-responses.ts';
export * from './parse-benchmarks.ts';
export * from './read-study.ts';
export * from './quality.ts';
export * from './answers.ts';
export * from './quote-sample.ts';
