#!/usr/bin/env node
// The `luotain` command. npm and npx put node_modules/.bin first on PATH, so this
// runs on the Node found there (the pinned Node 24 in Luotain's own checkout, or
// the one a study folder installs beside Luotain), which also runs the
// TypeScript sources directly.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  console.error(
    `luotain needs Node >= 22.18; this is Node ${process.versions.node}.\n` +
      'Run it through npm (npm run build, npx luotain ...), which uses the Node that `npm install` put in node_modules/.bin; ' +
      'in a study folder, install it there with: npm install --save-dev node@24',
  );
  process.exit(2);
}
// Node keeps the sources stripped of types and compiled in its compile cache (in the system's temporary
// folder; NODE_DISABLE_COMPILE_CACHE=1 turns it off), so later runs start without stripping them again.
const { enableCompileCache } = await import('node:module');
enableCompileCache?.();
if (import.meta.url.includes('/node_modules/')) await stripTypesInPackage();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));

/**
 * Installed as a package (in a study's node_modules), Luotain's sources are
 * TypeScript under node_modules, which Node refuses to strip of types. This
 * strips them the same way (whitespace in place of types, so lines and columns
 * stay), for Luotain's own files only.
 */
async function stripTypesInPackage() {
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
