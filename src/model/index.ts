export * from './types.ts';
export * from './assemble-report.ts';
export * from './assemble-edition.ts';
export * from './suppress.ts';
export * from './redact.ts';
