import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from '../Command';
import type { DashboardOptions } from '../dashboard/startDashboard';
import { CliError } from '../commandLineError';
import { defineCommand } from '../defineCommand';
import { parseIntegerOption } from '../parseIntegerOption';
import { quoteValue } from '../quoteValue';

const USAGE = `usage: jahskit dashboard <results-dir | storage-url> [--port <p>] [--host <address>] [--playground [--site <dir>]]
  serves a live dashboard of a results folder of \`jahskit compare\` (or \`jahskit run\`) on http://127.0.0.1:<p>/
  (default: a free port): progress of every run, per task the trajectories (mean ± SEM), anytime ranks, every
  trial, Pareto fronts with the true front and attainment surfaces, a per-trial table that sorts and filters,
  parallel coordinates, and downloads (CSV, SVG, PNG). The page follows the folder while compare writes it.
  A storage URL (postgresql://user@host:port/db, file:path/study.jsonl) shows the grids that compare --storage
  queued there and its studies (each a task: trials, best so far, Pareto front), polled every second.
  Nothing is fetched from the network. Stop it with Ctrl-C.
  --port <p>        port to listen on (0 to 65535; 0 = any free port)
  --host <address>  address to listen on (default 127.0.0.1: this machine only)
  --playground      also serve the in-browser playground and the docs at /site/, from the folder that
                    \`npm run build:site\` writes (site/ in the current folder; --site <dir> for another)`;

const FLAGS = { port: { type: 'string' }, host: { type: 'string' }, playground: { type: 'boolean' }, site: { type: 'string' } } as const;

/** What a test passes instead of waiting for Ctrl-C. */
export interface DashboardCommandOptions {
  /** Resolves when the server should stop; default: SIGINT or SIGTERM. */
  readonly until?: (url: string) => Promise<void>;
}

/** `jahskit dashboard`: serves the live dashboard of a results folder or a storage until stopped. */
export function dashboardCommand(options: DashboardCommandOptions = {}): Command {
  return defineCommand(
    {
      name: 'dashboard',
      summary: 'serve a live dashboard (charts, trials, progress) of a folder of jahskit compare or run results, or of a storage',
      usage: USAGE,
      flags: FLAGS,
      positionals: true,
    },
    async ({ values, positionals }, io) => {
      if (positionals.length !== 1)
        throw new CliError('usage', 'give exactly one results folder (the --out of jahskit compare or jahskit run) or storage URL', {
          parameter: 'results-dir',
        });
      const given = positionals[0] as string;
      const port = values.port === undefined ? 0 : parseIntegerOption(values.port, 'port', 0, 65535);
      const host = values.host ?? '127.0.0.1';
      if (host.trim() === '')
        throw new CliError('usage', '--host must be an address, e.g. 127.0.0.1', { parameter: 'host', allowed: 'an IP address or host name' });
      // A scheme of two letters or more: a storage URL (one letter is a Windows drive).
      const storageUrl = /^[a-z][a-z0-9+.-]+:/i.test(given) ? given : undefined;
      const dir = resolve(io.cwd, given);
      if (storageUrl === undefined) {
        let isFolder = false;
        try {
          isFolder = statSync(dir).isDirectory();
        } catch {
          // Named below.
        }
        if (!isFolder)
          throw new CliError(
            'input',
            `results-dir ${quoteValue(given)} is not a folder; give the --out folder of jahskit compare or jahskit run, or a storage URL`,
            { parameter: 'results-dir' },
          );
      }
      if (values.site !== undefined && values.playground !== true)
        throw new CliError('usage', "--site names the playground's folder: give it with --playground", { parameter: 'site' });
      const site = values.site ?? 'site';
      const routes = values.playground === true ? await siteRoutes(resolve(io.cwd, site), site) : undefined;
      // Loaded on demand: the server and its charting are only needed by this command.
      const { startDashboard } = await import('../dashboard/startDashboard');
      const { attainmentSurfaces } = await import('../dashboard/attainmentSurfaces');
      const storage = storageUrl === undefined ? undefined : await (await import('../dashboard/StorageWatcher')).StorageWatcher.open(storageUrl, io.cwd);
      let dashboard: Awaited<ReturnType<typeof startDashboard>>;
      try {
        dashboard = await startDashboard({
          ...(storage !== undefined ? { source: storage } : { dir }),
          host,
          port,
          surfacesOf: attainmentSurfaces,
          ...(routes !== undefined ? { routes } : {}),
        });
      } catch (error) {
        await storage?.close();
        throw error;
      }
      io.stdout(`dashboard of ${storage?.location ?? dir} at ${dashboard.url} (Ctrl-C to stop)\n`);
      if (routes !== undefined) io.stdout(`playground at ${dashboard.url.replace(/\/?$/, '/')}site/playground/\n`);
      if (host !== '127.0.0.1' && host !== 'localhost' && host !== '::1')
        io.stderr(`note: listening on ${host}: other machines that reach it can read these results\n`);
      try {
        await (options.until ?? untilSignal)(dashboard.url);
      } finally {
        await dashboard.close();
        await storage?.close();
      }
      return 0;
    },
  );
}

/** The built site (`npm run build:site`) as a route under /site/; a folder without the playground is an input error. */
async function siteRoutes(dir: string, given: string): Promise<NonNullable<DashboardOptions['routes']>> {
  const { readSiteFiles } = await import('../playground/readSiteFiles');
  const { playgroundHandler } = await import('../playground/playgroundHandler');
  let files: Awaited<ReturnType<typeof readSiteFiles>>;
  try {
    files = await readSiteFiles(dir);
  } catch (error) {
    throw new CliError(
      'input',
      `--playground: the site ${quoteValue(given)} cannot be read (${(error as Error).message.split('\n')[0]}); run npm run build:site first, or give its folder with --site`,
      { parameter: 'site', cause: error },
    );
  }
  if (!files.has('playground/index.html')) {
    throw new CliError(
      'input',
      `--playground: the site ${quoteValue(given)} holds no playground/index.html; run npm run build:site first, or give its folder with --site`,
      { parameter: 'site' },
    );
  }
  return playgroundHandler(files, '/site/');
}

function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
