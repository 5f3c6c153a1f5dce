import type { Command } from './command.ts';

/** A subcommand as --help lists it; its module loads only when it runs. */
export interface CommandEntry {
  name: string;
  usage: string;
  summary: string;
  load(): Promise<Command>;
}

/** Every `luotain` subcommand, in the order --help lists them: the one place of their names, usage and summaries. */
export const commands: CommandEntry[] = [
  {
    name: 'init',
    usage: 'init --from FILE [--year YEAR] [--languages fi,sv,en] [--data DIR] [--reports DIR]',
    summary: "Start a study from a responses file (.csv, .sav, .xlsx): a draft study.json, the first edition's folders, and what was guessed",
    load: async () => (await import('./init.ts')).initCommand,
  },
  {
    name: 'check',
    usage: 'check [--data DIR] [--reports DIR]',
    summary: "Validate the study definition, every edition's data and the editorial files; print a data-quality report",
    load: async () => (await import('./check.ts')).checkCommand,
  },
  {
    name: 'compute',
    usage: 'compute [--data DIR] [--reports DIR] [--out FILE] [--csv FILE]',
    summary: "Compute every edition's indicators; write them as JSON and/or a long CSV",
    load: async () => (await import('./compute.ts')).computeCommand,
  },
  {
    name: 'build',
    usage: 'build [--data DIR] [--reports DIR] [--out DIR] [--no-pdf] [--no-figure-files] [--no-office] [--base PATH]',
    summary: 'Build the report site and one PDF per edition and language',
    load: async () => (await import('./build.ts')).buildCommand,
  },
  {
    name: 'serve',
    usage: 'serve [--out DIR] [--port N] [--base PATH]',
    summary: 'Serve the built site on this machine to look at it',
    load: async () => (await import('./serve.ts')).serveCommand,
  },
  {
    name: 'new-edition',
    usage: 'new-edition YEAR [--data DIR] [--reports DIR]',
    summary: 'Create the editorial files of a new edition (a draft) and say where its data goes',
    load: async () => (await import('./new-edition.ts')).newEditionCommand,
  },
  {
    name: 'publish',
    usage: 'publish YEAR [--version V] [--note-fi TEXT] [--note-sv TEXT] [--note-en TEXT] [--note TEXT] [--date YYYY-MM-DD] [--data DIR] [--reports DIR] [--out DIR]',
    summary: 'Freeze an edition: record its figures so later builds prove them unchanged',
    load: async () => (await import('./publish.ts')).publishCommand,
  },
];

export type { Command };
