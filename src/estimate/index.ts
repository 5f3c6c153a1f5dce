export * from './design.ts';
export * from './survey-mean.ts';
export * from './respondent-means.ts';
export * from './nps-scores.ts';
export * from './indicator.ts';
export * from './round.ts';
export * from './band-of.ts';
export * from './lmg.ts';
