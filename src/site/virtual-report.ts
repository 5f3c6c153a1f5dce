import type { AstroIntegration, AstroPrerenderer } from 'astro';
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
  /**
   * Where a build hands each print page as it is rendered (the build prints the PDFs from
   * them while the other pages render); the print pages are then rendered first.
   */
  printPages?: PrintPageSink;
}

/** What the rendering hands the print pages to (keyed by their path under the base, "/fi/2025/print/"). */
export interface PrintPageSink {
  expects(path: string): boolean;
  add(path: string, html: Uint8Array): void;
}

/**
 * Astro's prerenderer with the print pages rendered first, each one's HTML handed to
 * `sink` as it is rendered; the response Astro writes to the file is the same bytes.
 * Every other page renders as before, and each page is rendered on its own, so the
 * order changes no file.
 */
export function printPagesFirst(prerenderer: AstroPrerenderer, sink: PrintPageSink, base: string): AstroPrerenderer {
  const pathOf = (url: string) => {
    const path = new URL(url).pathname;
    return path.startsWith(base) ? `/${path.slice(base.length)}` : path;
  };
  return {
    ...delegating(prerenderer),
    name: 'luotain-print-pages-first',
    async getStaticPaths() {
      const paths = await prerenderer.getStaticPaths();
      const isPrint = (entry: (typeof paths)[number]) => sink.expects(withSlash(entry.pathname));
      return [...paths.filter(isPrint), ...paths.filter((entry) => !isPrint(entry))];
    },
    async render(request, options) {
      const result = await prerenderer.render(request, options);
      const path = pathOf(request.url);
      if (!sink.expects(path)) return result;
      const response = result instanceof Response ? result : result.response;
      if (response.status !== 200 || !response.body) return result;
      const html = new Uint8Array(await response.arrayBuffer());
      sink.add(path, html);
      const copy = new Response(html, { status: response.status, statusText: response.statusText, headers: response.headers });
      return result instanceof Response ? copy : { ...result, response: copy };
    },
  };
}

/** The prerenderer with `step` done before its setup, which imports the pages' code, and `cleanup` after its teardown or a failed setup. */
export function withSetupStep(prerenderer: AstroPrerenderer, step: () => Promise<void>, cleanup: () => void = () => {}): AstroPrerenderer {
  return {
    ...delegating(prerenderer),
    setup: async () => {
      try {
        await step();
        await prerenderer.setup?.();
      } catch (error) {
        cleanup();
        throw error;
      }
    },
    teardown: async () => {
      try {
        await prerenderer.teardown?.();
      } finally {
        cleanup();
      }
    },
  };
}

/** A prerenderer that does what `prerenderer` does, each call passed on (for a wrapper to override some). */
function delegating(prerenderer: AstroPrerenderer): AstroPrerenderer {
  return {
    name: prerenderer.name,
    setup: prerenderer.setup && (() => prerenderer.setup!()),
    teardown: prerenderer.teardown && (() => prerenderer.teardown!()),
    collectStaticImages: prerenderer.collectStaticImages && (() => prerenderer.collectStaticImages!()),
    getStaticPaths: () => prerenderer.getStaticPaths(),
    render: (request, options) => prerenderer.render(request, options),
  };
}

function withSlash(path: string): string {
  const rooted = path.startsWith('/') ? path : `/${path}`;
  return rooted.endsWith('/') ? rooted : `${rooted}/`;
}

/** Builds started in this process, each handing its model over under a key of its own. */
let builds = 0;

/**
 * Hands the report model to the pages as the module `virtual:luotain/report`, so it
 * is computed once per build (by the caller) and every page reads the same object,
 * with the build's options as `siteOptions`.
 */
export function reportIntegration(source: ReportSource): AstroIntegration {
  let cached: Promise<ReportModel> | undefined;
  const model = () => (cached ??= source.load());
  /** In a build, the model's JSON is handed to the pages through a global under this key (see load below). */
  let handover: symbol | undefined;
  return {
    name: 'luotain-report',
    hooks: {
      'astro:build:start': ({ setPrerenderer }) => {
        const key = Symbol.for(`luotain.report#${++builds}`);
        handover = key;
        const sink = source.printPages;
        // The model is needed only once the pages' code runs (the prerenderer's setup imports
        // it), so the bundling goes on while the caller may still be computing it.
        const global = globalThis as Record<symbol, unknown>;
        const handModelOver = async () => {
          global[key] = JSON.stringify(await model());
        };
        // The pages parse it when their code first runs; it is let go when the rendering ends, or fails to start.
        const letGo = () => void delete global[key];
        setPrerenderer((prerenderer) => withSetupStep(sink ? printPagesFirst(prerenderer, sink, source.base ?? '/') : prerenderer, handModelOver, letGo));
      },
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
                  // A JSON string parses faster than the same object as a JS literal. A build renders
                  // the pages in this process, so the string is handed over through a global (set
                  // before the pages' code runs, see astro:build:start) rather than written into the
                  // module, which the bundler would then parse and copy (some 4 MB for the sample;
                  // 0.3 s of a build). The pages parse their own copy either way.
                  const text = handover ? `globalThis[Symbol.for(${JSON.stringify(handover.description)})]` : JSON.stringify(JSON.stringify(await model()));
                  return `export default JSON.parse(${text});\nexport const siteOptions = ${JSON.stringify({ pdf: source.pdf ?? false, figureFiles: source.figureFiles ?? true, office: source.office ?? true, base: source.base ?? '/' })};`;
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
