import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CliError, describeError } from '../commandLineError';
import { vegaRuntime } from '../report/html/vegaRuntime';
import { dashboardPage } from './dashboardPage';
import { DashboardData, type RunFilter } from './DashboardData';
import type { GridState } from './GridSnapshot';
import type { SurfacesOf } from './taskView';
import { watchFolder } from './watchFolder';

export interface DashboardOptions {
  /** The results folder (of `jahskit compare` or `jahskit run`); or `source`. */
  readonly dir?: string;
  /** What the dashboard shows instead of a folder: a storage, polled every `pollMs` (see StorageWatcher). */
  readonly source?: DashboardSource;
  /** Default 127.0.0.1: the dashboard is for this machine. */
  readonly host?: string;
  /** Default 0: any free port. */
  readonly port?: number;
  /** How long the folder must be quiet before the page is told of a change (ms). */
  readonly debounceMs?: number;
  /** The backup poll of the folder (ms), see watchFolder; a source's poll. */
  readonly pollMs?: number;
  /** The least time between two change events (ms), see watchFolder. */
  readonly minIntervalMs?: number;
  readonly surfacesOf?: SurfacesOf;
  /**
   * Tried first for every request (after the host check): answers true when it handled it. The
   * playground's static files are served this way (`dashboard --playground`).
   */
  readonly routes?: (request: IncomingMessage, response: ServerResponse) => boolean;
}

/** A source of grid states that is not a folder, and how to learn that it changed. */
export interface DashboardSource {
  state(): GridState;
  /** Calls `onChange` after each change until the returned function is called. */
  watch(onChange: () => void, pollMs?: number): () => void;
}

export interface Dashboard {
  readonly url: string;
  close(): Promise<void>;
}

/** Seconds between keep-alive comments on an idle event stream, so that proxies keep it open. */
const HEARTBEAT_MS = 15_000;

/**
 * Serves the dashboard of a results folder: one page, Vega's runtime (from the installed package:
 * nothing comes from a CDN) and JSON endpoints, with Server-Sent Events that tell the page when the
 * folder changed so that it fetches what changed without a reload.
 *
 *   GET /                         the page
 *   GET /vega.js                  Vega's runtime
 *   GET /api/grid                 protocols, optimizers, seeds, every run's progress
 *   GET /api/tasks/<task>         the task's analysis (trajectories, ranks, fronts) and chart specs
 *   GET /api/tasks/<task>/trials  its trials as rows (?optimizer=&seed= for some runs)
 *   GET /api/tasks/<task>/parallel  parallel coordinates of those trials (a Vega spec)
 *   GET /api/tasks/<task>/importance  hyperparameter importance (functional ANOVA) of those trials and its chart
 *   GET /api/events               `change` events carrying the folder's version
 *
 * Requests naming another host are refused, so that a web page elsewhere cannot read the results
 * through a DNS name that points at this machine.
 */
export async function startDashboard(options: DashboardOptions): Promise<Dashboard> {
  const host = options.host ?? '127.0.0.1';
  const { dir, source } = options;
  if (source === undefined && dir === undefined) throw new CliError('usage', 'the dashboard needs a results folder or a storage', { parameter: 'results-dir' });
  const data = new DashboardData(source !== undefined ? () => source.state() : (dir as string), options.surfacesOf);
  const streams = new Set<ServerResponse>();
  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => sendError(response, error));
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (!hostAllowed(request.headers.host, host)) return sendJson(response, 403, { error: `requests must name ${host} or localhost as their host` });
    if (options.routes?.(request, response) === true) return;
    if (request.method !== 'GET' && request.method !== 'HEAD') return sendJson(response, 405, { error: 'only GET' });
    const url = new URL(request.url ?? '/', 'http://localhost');
    const path = url.pathname;
    if (path === '/') return send(response, 200, 'text/html; charset=utf-8', dashboardPage());
    if (path === '/vega.js') return send(response, 200, 'text/javascript; charset=utf-8', await vegaRuntime(), 'max-age=3600');
    if (path === '/favicon.ico') return void response.writeHead(204).end();
    if (path === '/api/events') return openStream(response);
    if (path === '/api/grid') return sendJson(response, 200, { version: data.version, ...data.grid().snapshot });
    const match = /^\/api\/tasks\/([^/]+)(?:\/(trials|parallel|importance))?$/.exec(path);
    if (match === null) return sendJson(response, 404, { error: `no such page: ${path}` });
    const task = decodeTask(match[1] as string);
    if (!data.hasTask(task)) return sendJson(response, 404, { error: `no task ${task} in this grid` });
    if (match[2] === undefined) return sendJson(response, 200, { version: data.version, ...(await data.task(task)) });
    const filter = runFilter(url.searchParams);
    if (match[2] === 'trials') return sendJson(response, 200, { version: data.version, ...data.trials(task, filter) });
    if (match[2] === 'importance') return sendJson(response, 200, { version: data.version, ...(await data.importance(task, filter)) });
    return sendJson(response, 200, { version: data.version, vega: await data.parallel(task, filter) });
  }

  function openStream(response: ServerResponse): void {
    response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    response.write(`event: change\ndata: ${JSON.stringify({ version: data.version })}\n\n`);
    streams.add(response);
    response.on('close', () => streams.delete(response));
  }

  const changed = (): void => {
    data.changed();
    for (const stream of streams) stream.write(`event: change\ndata: ${JSON.stringify({ version: data.version })}\n\n`);
  };
  const stopWatching =
    source !== undefined
      ? source.watch(changed, options.pollMs)
      : watchFolder(dir as string, changed, {
          ...(options.debounceMs !== undefined ? { debounceMs: options.debounceMs } : {}),
          ...(options.pollMs !== undefined ? { pollMs: options.pollMs } : {}),
          ...(options.minIntervalMs !== undefined ? { minIntervalMs: options.minIntervalMs } : {}),
        });
  const heartbeat = setInterval(() => {
    for (const stream of streams) stream.write(': keep-alive\n\n');
  }, HEARTBEAT_MS);
  heartbeat.unref();

  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      stopWatching();
      clearInterval(heartbeat);
      reject(
        new CliError('io', `cannot listen on ${host}:${options.port ?? 0}: ${error.code ?? error.message}`, {
          parameter: error.code === 'EADDRINUSE' ? 'port' : 'host',
        }),
      );
    });
    server.listen(options.port ?? 0, host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        stopWatching();
        clearInterval(heartbeat);
        for (const stream of streams) stream.end();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function decodeTask(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    throw new CliError('usage', `the task in the address is not valid percent-encoding: ${JSON.stringify(text)}`, { parameter: 'task' });
  }
}

function runFilter(params: URLSearchParams): RunFilter {
  const optimizer = params.get('optimizer') ?? '';
  const seedText = params.get('seed') ?? '';
  if (seedText !== '' && !/^\d+$/.test(seedText))
    throw new CliError('usage', `seed must be a whole number, got ${JSON.stringify(seedText)}`, { parameter: 'seed' });
  return { ...(optimizer !== '' ? { optimizer } : {}), ...(seedText !== '' ? { seed: Number(seedText) } : {}) };
}

function hostAllowed(header: string | undefined, host: string): boolean {
  if (header === undefined) return false;
  const name = header.startsWith('[') ? header.slice(0, header.indexOf(']') + 1) : header.split(':')[0];
  return name === 'localhost' || name === '127.0.0.1' || name === '[::1]' || name === host || name === `[${host}]` || host === '0.0.0.0' || host === '::';
}

function send(response: ServerResponse, status: number, type: string, body: string, cache = 'no-store'): void {
  response.writeHead(status, { 'content-type': type, 'cache-control': cache, 'x-content-type-options': 'nosniff' }).end(body);
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  send(response, status, 'application/json; charset=utf-8', JSON.stringify(body));
}

/** A bad query is the client's fault (400); a folder that cannot be read right now is not (503). */
function sendError(response: ServerResponse, error: unknown): void {
  if (response.headersSent) return void response.end();
  const status = CliError.is(error) && error.kind === 'usage' ? 400 : 503;
  sendJson(response, status, { error: describeError(error).line });
}
