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
if (import.meta.url.includes('/node_modules/')) await (await import('./strip-types.js')).stripTypesInPackage();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
