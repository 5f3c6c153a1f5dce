import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { serveStatic } from '../io/static-server.ts';
import { noPositionals, parseArgs, stringOption, UsageError } from './args.ts';
import type { Command } from './command.ts';
import { basePathOption } from './build.ts';
import { builtBasePath } from './output-folder.ts';

export const serveCommand: Command = {
  help: `Serves the built site (--out, default dist/) over HTTP on 127.0.0.1 and prints its
address; stop it with Ctrl-C. The site is plain static files: any web server will do.

Options:
  --out DIR       the built site (default dist/)
  --port N        the port (default 4321; 0 picks a free one)
  --base PATH     the path to serve the site under (default: the base path it
                  was built for, --base of luotain build)

Exit codes: 0 stopped, 1 nothing built in --out, 2 usage error.`,
  async run(argv, effects) {
    const args = parseArgs(argv, ['out', 'port', 'base']);
    noPositionals(args);
    const dir = resolve(effects.cwd, stringOption(args, 'out', 'dist'));
    const port = Number(stringOption(args, 'port', '4321'));
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port "${stringOption(args, 'port')}" is not a port number`);
    const givenBase = basePathOption(args);
    if (
      !(await stat(resolve(dir, 'index.html')).then(
        () => true,
        () => false,
      ))
    ) {
      effects.err(`${dir} has no built site. Run "npx luotain build" first (or give --out).`);
      return 1;
    }
    const base = givenBase ?? (await builtBasePath(dir));
    const server = await serveStatic(dir, port, base);
    effects.out(`Serving ${dir} at ${server.origin}${base} — stop with Ctrl-C`);
    await new Promise<void>((done) => process.once('SIGINT', () => done()));
    await server.close();
    return 0;
  },
};
