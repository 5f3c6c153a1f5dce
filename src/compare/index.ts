export * from './normal.ts';
export * from './compare-estimates.ts';
export * from './benchmark-se.ts';
export * from './benjamini-hochberg.ts';
