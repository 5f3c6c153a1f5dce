import { createRequire } from 'node:module';

/** The tool's version, from package.json: recorded in provenance and publication records. */
export const TOOL_VERSION: string = (createRequire(import.meta.url)('../../package.json') as { version: string }).version;
