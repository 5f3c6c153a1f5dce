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
if (import.meta.url.includes('/node_modules/')) await (await import('./strip-types.js')).stripTypesInPackage();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
