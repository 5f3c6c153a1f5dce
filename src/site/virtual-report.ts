import type { AstroIntegration } from 'astro';
import type { ReportModel } from '../model/types.ts';

const ID = 'virtual:luotain/report';
const RESOLVED = '\0' + ID;

export interface ReportSource {
  /** Computes (or returns the already computed) report model. */
  load(): Promise<ReportModel>;
  /** Folders whose changes recompute the model in `astro dev`. */
  watch?: string[];
}

/**
 * Hands the report model to the pages as the module `virtual:luotain/report`, so it
 * is computed once per build (by the caller) and every page reads the same object.
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
                  return `export default JSON.parse(${JSON.stringify(JSON.stringify(await model()))});`;
                },
                configureServer(server: { watcher: { add(p: string[]): void; on(e: string, f: (p: string) => void): void }; moduleGraph: { getModuleById(id: string): unknown; invalidateModule(m: unknown): void }; ws: { send(p: { type: string }): void } }) {
                  if (!source.watch?.length) return;
                  server.watcher.add(source.watch);
                  server.watcher.on('all', (path: string) => {
                    if (!source.watch!.some((dir) => path.startsWith(dir))) return;
                    cached = undefined;
                    const mod = server.moduleGraph.getModuleById(RESOLVED);
                    if (mod) server.moduleGraph.invalidateModule(mod);
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
