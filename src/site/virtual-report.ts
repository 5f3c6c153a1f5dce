import type { AstroIntegration } from 'astro';
import type { ReportModel } from '../model/types.ts';

const ID = 'virtual:luotain/report';
const RESOLVED = '\0' + ID;

/** The parts of Vite's dev server this plugin uses. */
interface DevServer {
  watcher: { add(paths: string[]): void; on(event: 'all', listener: (event: string, path: string) => void): void };
  environments?: Record<string, { moduleGraph: { getModuleById(id: string): object | undefined; invalidateModule(mod: object): void } }>;
  ws: { send(payload: { type: 'full-reload' }): void };
}

export interface ReportSource {
  /** Computes (or returns the already computed) report model. */
  load(): Promise<ReportModel>;
  /** Whether the build makes PDFs (the pages link to them only then). Default: no. */
  pdf?: boolean;
  /** Whether the build draws each figure as SVG and PNG files and a share image (the pages link to them only then). Default: yes. */
  figureFiles?: boolean;
  /** Whether the build makes the Excel workbooks and PowerPoint decks (the pages link to them only then). Default: yes. */
  office?: boolean;
  /** The path the site is served under, normalised ("/" or "/reports/kaukovesi/"). Default: "/". */
  base?: string;
  /** Folders whose changes recompute the model in `astro dev`. */
  watch?: string[];
}

/**
 * Hands the report model to the pages as the module `virtual:luotain/report`, so it
 * is computed once per build (by the caller) and every page reads the same object,
 * with the build's options as `siteOptions`.
 */
export function reportIntegration(source: ReportSource): AstroIntegration {
  let cached: Promise<ReportModel> | undefined;
  const model = () => (cached ??= source.load());
  return {
    name: 'luotain-report',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'luotain-report',
                resolveId(id: string) {
                  return id === ID ? RESOLVED : undefined;
                },
                async load(id: string) {
                  if (id !== RESOLVED) return undefined;
                  // A JSON string parses faster than the same object as a JS literal.
                  return `export default JSON.parse(${JSON.stringify(JSON.stringify(await model()))});\nexport const siteOptions = ${JSON.stringify({ pdf: source.pdf ?? false, figureFiles: source.figureFiles ?? true, office: source.office ?? true, base: source.base ?? '/' })};`;
                },
                configureServer(server: DevServer) {
                  if (!source.watch?.length) return;
                  server.watcher.add(source.watch);
                  server.watcher.on('all', (_event: string, path: string) => {
                    if (!source.watch!.some((dir) => path.startsWith(dir))) return;
                    cached = undefined;
                    // Vite keeps a module graph per environment; the pages render in the SSR one.
                    for (const environment of Object.values(server.environments ?? {})) {
                      const mod = environment.moduleGraph.getModuleById(RESOLVED);
                      if (mod) environment.moduleGraph.invalidateModule(mod);
                    }
                    server.ws.send({ type: 'full-reload' });
                  });
                },
              },
            ],
          },
        });
      },
    },
  };
}
