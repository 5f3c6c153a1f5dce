// Shared by the command and the worker threads it starts (src/pipeline/figure-worker.js):
// hooks registered in one thread do not apply in another.
/**
 * Installed as a package (in a study's node_modules), Luotain's sources are
 * TypeScript under node_modules, which Node refuses to strip of types. This
 * strips them the same way (whitespace in place of types, so lines and columns
 * stay), for Luotain's own files only.
 */
export async function stripTypesInPackage() {
  const { registerHooks, stripTypeScriptTypes } = await import('node:module');
  const { readFileSync } = await import('node:fs');
  const { fileURLToPath } = await import('node:url');
  const own = new URL('../src/', import.meta.url).href;
  // stripTypeScriptTypes is marked experimental; it is what Node itself uses to run .ts files.
  const emitWarning = process.emitWarning;
  process.emitWarning = (warning, ...rest) => (String(warning).includes('stripTypeScriptTypes') ? undefined : emitWarning.call(process, warning, ...rest));
  registerHooks({
    load(url, context, nextLoad) {
      if (url.startsWith(own) && url.endsWith('.ts')) {
        return { format: 'module', source: stripTypeScriptTypes(readFileSync(fileURLToPath(url), 'utf8')), shortCircuit: true };
      }
      return nextLoad(url, context);
    },
  });
}
