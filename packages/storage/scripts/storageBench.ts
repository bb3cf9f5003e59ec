// Storage benchmark (not part of `npm test`); figures go to docs/performance.md, section "Storage".
//
//   npx tsx --conditions=@jahskit/source packages/storage/scripts/storageBench.ts [options]
//     --postgres <url>   a server whose user may create databases (default: $JAHSKIT_TEST_POSTGRES_URL,
//                        else a throwaway cluster started with postgres.mjs and stopped at the end)
//     --durable          that throwaway cluster with PostgreSQL's default durability (fsync, synchronous
//                        commits) instead of the test settings (both off)
//     --rounds <n>       repetitions, interleaved across the contenders (default 5 and 3)
//     --trials <n>       trials per round of the one-process overhead bench (default 1000)
//     --worker-trials <n> trials per worker process in the four-process bench (default 250)
//     --skip-optuna      only jahskit in the four-process bench
//
// 1. Per-trial ask+tell overhead in one process: random search on a small space with a synthetic
//    objective, through `StoredStudy` on memory:, file: and postgresql: (and a plain `Study`, no
//    storage, for the optimizer's own share), interleaved, min and median of the rounds' means.
// 2. Four worker processes sharing one study on the same local PostgreSQL: jahskit's
//    sharedStudyWorker.ts against Optuna 3.1's RDBStorage (optunaWorker.py, RandomSampler, same
//    space and objective, Debian's python3-optuna through /usr/bin/python3). Trials per second from
//    the moment every worker is ready (processes started and studies loaded) to the last one done.
import 'reflect-metadata';
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { StoredStudy, Study } from '@jahskit/core';
import { openStorage } from '../src/openStorage';
import { sharedObjective, sharedSpace, sharedStudyOptions, sharedStudyParts } from '../src/sharedStudyFixtures';

const args = process.argv.slice(2);
const option = (key: string): string | undefined => {
  const at = args.indexOf(key);
  return at < 0 ? undefined : args[at + 1];
};
const root = fileURLToPath(new URL('../../../', import.meta.url));
const clusterScript = fileURLToPath(new URL('./postgres.mjs', import.meta.url));
const workerScript = fileURLToPath(new URL('./sharedStudyWorker.ts', import.meta.url));
const optunaScript = fileURLToPath(new URL('./optunaWorker.py', import.meta.url));
const PYTHON = '/usr/bin/python3';

const overheadRounds = Number(option('--rounds') ?? 5);
const processRounds = Number(option('--rounds') ?? 3);
const trialsPerRound = Number(option('--trials') ?? 1000);
const workerTrials = Number(option('--worker-trials') ?? 250);
const WORKERS = 4;

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};
const fmt = (x: number, digits = 1): string => x.toFixed(digits);

/** The admin URL, and how to stop the cluster when this script started it. */
function server(): { url: string; stop: () => void } {
  const given = option('--postgres') ?? process.env['JAHSKIT_TEST_POSTGRES_URL'];
  if (given !== undefined && given !== '') return { url: given, stop: () => undefined };
  const flags = ['start', '--json', '--watch-parent', String(process.pid), ...(args.includes('--durable') ? ['--durable'] : [])];
  const cluster = JSON.parse(execFileSync(process.execPath, [clusterScript, ...flags], { encoding: 'utf8' })) as { url: string; dir: string };
  return { url: cluster.url, stop: () => execFileSync(process.execPath, [clusterScript, 'stop', cluster.dir]) };
}

async function admin(url: string, sql: string): Promise<pg.QueryResultRow[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.href;
}

async function freshDatabase(adminUrl: string): Promise<{ url: string; drop: () => Promise<unknown> }> {
  const name = `jahskit_bench_${Math.random().toString(36).slice(2, 10)}`;
  await admin(adminUrl, `CREATE DATABASE ${name} STRATEGY FILE_COPY`);
  return { url: withDatabase(adminUrl, name), drop: () => admin(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

// ---------------------------------------------------------------------------------------------
// 1. One process: microseconds per ask+tell.

async function storedStudyRound(url: string, name: string, trials: number): Promise<number> {
  const storage = openStorage(url);
  try {
    const study = await StoredStudy.create(sharedStudyOptions(storage, name, 'bench'));
    for (let i = 0; i < 50; i++) await askTell(study);
    const started = performance.now();
    for (let i = 0; i < trials; i++) await askTell(study);
    return ((performance.now() - started) * 1000) / trials;
  } finally {
    await storage.close();
  }
}

async function askTell(study: StoredStudy): Promise<void> {
  const [trial] = await study.ask(1);
  if (trial === undefined) throw new Error('random search proposed nothing');
  await study.tell({ trialId: trial.id, objectives: { loss: sharedObjective(trial.config) } });
}

function plainStudyRound(trials: number): number {
  const objectives = [{ name: 'loss', direction: 'minimize' as const, cheap: false }];
  const { optimizer } = sharedStudyParts({ optimizer: { id: 'rs', options: {} }, seed: 7, objectives });
  const study = new Study({ space: sharedSpace, objectives, optimizer });
  const run = (n: number): void => {
    for (let i = 0; i < n; i++) {
      const [trial] = study.ask(1);
      if (trial === undefined) throw new Error('random search proposed nothing');
      study.tell({ trialId: trial.id, objectives: { loss: sharedObjective(trial.config) } });
    }
  };
  run(50);
  const started = performance.now();
  run(trials);
  return ((performance.now() - started) * 1000) / trials;
}

/** The same database over the server's Unix socket, when the server is on this machine. */
async function socketUrl(url: string): Promise<string | undefined> {
  const parsed = new URL(url);
  if (parsed.hostname !== '127.0.0.1' && parsed.hostname !== 'localhost') return undefined;
  const [row] = await admin(url, `SELECT current_setting('unix_socket_directories') AS dirs, current_setting('port') AS port`);
  const dir = String(row?.['dirs'] ?? '')
    .split(',')[0]
    ?.trim();
  if (dir === undefined || dir === '' || !existsSync(dir)) return undefined;
  return `postgresql://${parsed.username}@${parsed.pathname}?host=${encodeURIComponent(dir)}&port=${row?.['port']}`;
}

/** The type of the file system holding `folder`, and whether it discards freed blocks online. */
function fileSystemOf(folder: string): string {
  try {
    const [type = '?', options = ''] = execFileSync('findmnt', ['-n', '-o', 'FSTYPE,OPTIONS', '-T', folder], { encoding: 'utf8' }).trim().split(/\s+/);
    return options.split(',').includes('discard') ? `${type}, mounted with discard` : type;
  } catch {
    return 'unknown file system';
  }
}

async function overheadBench(adminUrl: string): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'jahskit-bench-'));
  // The same journal in memory-backed /dev/shm, where file-system metadata costs nothing.
  const shm = existsSync('/dev/shm') ? mkdtempSync('/dev/shm/jahskit-bench-') : undefined;
  const database = await freshDatabase(adminUrl);
  const socket = await socketUrl(database.url);
  const contenders: [string, (round: number) => Promise<number>][] = [
    ['`Study`, no storage (the optimizer alone)', () => Promise.resolve(plainStudyRound(trialsPerRound))],
    ['`memory:`', (round) => storedStudyRound('memory:', `m${round}`, trialsPerRound)],
    [
      `\`file:\` in ${tmpdir()} (${fileSystemOf(folder)})`,
      (round) => storedStudyRound(`file:${join(folder, `round${round}.jsonl`)}`, `f${round}`, trialsPerRound),
    ],
    ...(shm === undefined
      ? []
      : [
          ['`file:` in /dev/shm (tmpfs)', (round: number) => storedStudyRound(`file:${join(shm, `round${round}.jsonl`)}`, `s${round}`, trialsPerRound)] as [
            string,
            (round: number) => Promise<number>,
          ],
        ]),
    ['`postgresql:` over TCP (127.0.0.1)', (round) => storedStudyRound(database.url, `p${round}`, trialsPerRound)],
    ...(socket === undefined
      ? []
      : [
          ['`postgresql:` over its Unix socket (`?host=/dir`)', (round: number) => storedStudyRound(socket, `u${round}`, trialsPerRound)] as [
            string,
            (round: number) => Promise<number>,
          ],
        ]),
  ];
  const times = new Map<string, number[]>(contenders.map(([name]) => [name, []]));
  try {
    for (let round = 0; round < overheadRounds; round++) {
      for (const [name, run] of contenders) times.get(name)?.push(await run(round));
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
    if (shm !== undefined) rmSync(shm, { recursive: true, force: true });
    await database.drop();
  }
  console.log(`\n1. Per-trial ask+tell in one process (${overheadRounds} rounds of ${trialsPerRound} trials, interleaved; microseconds per trial)\n`);
  console.log('| storage | min | median | rounds |');
  console.log('|---|---|---|---|');
  for (const [name, values] of times)
    console.log(`| ${name} | ${fmt(Math.min(...values))} µs | ${fmt(median(values))} µs | ${values.map((v) => fmt(v, 0)).join(', ')} |`);
}

// ---------------------------------------------------------------------------------------------
// 2. Four processes on one study.

interface Running {
  readonly done: Promise<void>;
  readonly ready: Promise<void>;
  go(): void;
}

/** Starts a worker; `ready` when it printed `ready`, `done` when it printed `done` and exited 0. */
function worker(command: string, commandArgs: readonly string[]): Running {
  const child = spawn(command, commandArgs, {
    cwd: root,
    env: { ...process.env, TSX_TSCONFIG_PATH: join(root, 'tsconfig.json') },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let errors = '';
  child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const lines = createInterface({ input: child.stdout });
  let sawDone = false;
  const ready = new Promise<void>((resolve) =>
    lines.on('line', (line) => (line === 'ready' ? resolve() : line.startsWith('done') ? (sawDone = true) : undefined)),
  );
  const done = new Promise<void>((resolve, reject) =>
    child.on('exit', (code) =>
      code === 0 && sawDone ? resolve() : reject(new Error(`${command} ${commandArgs.join(' ')} exited with ${code}: ${errors.trim().slice(-800)}`)),
    ),
  );
  // A worker that fails before it is ready must not leave the benchmark waiting for it.
  const readyOrFailed = Promise.race([ready, done.then(() => undefined)]);
  return { ready: readyOrFailed, done, go: () => child.stdin.write('go\n') };
}

/** Starts the workers, waits until all are ready, lets them go together; trials per second. */
async function race(workers: Running[], trials: number): Promise<number> {
  await Promise.all(workers.map((w) => w.ready));
  const started = performance.now();
  for (const w of workers) w.go();
  await Promise.all(workers.map((w) => w.done));
  return trials / ((performance.now() - started) / 1000);
}

async function jahskitRound(adminUrl: string, round: number): Promise<number> {
  const database = await freshDatabase(adminUrl);
  try {
    const study = `bench-${round}`;
    // The study is created once, as every worker would, before the clock starts.
    const storage = openStorage(database.url);
    await StoredStudy.create(sharedStudyOptions(storage, study, 'creator'));
    await storage.close();
    const node = [process.execPath, '--conditions=@jahskit/source', '--import', 'tsx', workerScript];
    const workers = Array.from({ length: WORKERS }, (_, w) =>
      worker(node[0] as string, [...node.slice(1), database.url, study, `w${w}`, String(workerTrials), '--wait-go']),
    );
    return await race(workers, WORKERS * workerTrials);
  } finally {
    await database.drop();
  }
}

async function optunaRound(adminUrl: string, round: number): Promise<number> {
  const database = await freshDatabase(adminUrl);
  try {
    const study = `bench-${round}`;
    execFileSync(PYTHON, [optunaScript, 'create', database.url, study], { stdio: ['ignore', 'ignore', 'pipe'] });
    const workers = Array.from({ length: WORKERS }, () => worker(PYTHON, [optunaScript, 'run', database.url, study, String(workerTrials)]));
    return await race(workers, WORKERS * workerTrials);
  } finally {
    await database.drop();
  }
}

async function processBench(adminUrl: string): Promise<void> {
  const skipOptuna = args.includes('--skip-optuna');
  const rates = { jahskit: [] as number[], optuna: [] as number[] };
  for (let round = 0; round < processRounds; round++) {
    rates.jahskit.push(await jahskitRound(adminUrl, round));
    if (!skipOptuna) rates.optuna.push(await optunaRound(adminUrl, round));
  }
  console.log(
    `\n2. ${WORKERS} worker processes on one PostgreSQL study, ${workerTrials} trials each (${processRounds} rounds, interleaved; trials per second, higher is better)\n`,
  );
  console.log('| contender | max | median | rounds |');
  console.log('|---|---|---|---|');
  for (const [name, values] of Object.entries(rates)) {
    if (values.length === 0) continue;
    console.log(`| ${name} | ${fmt(Math.max(...values), 0)} | ${fmt(median(values), 0)} | ${values.map((v) => fmt(v, 0)).join(', ')} |`);
  }
  if (rates.optuna.length > 0) console.log(`\njahskit / Optuna (medians): ${fmt(median(rates.jahskit) / median(rates.optuna))}x`);
}

const { url, stop } = server();
try {
  const [version] = await admin(url, "SELECT version() AS v, current_setting('fsync') AS fsync, current_setting('synchronous_commit') AS sync");
  console.log(
    `${new Date().toISOString()}; ${cpus().length} cores (${cpus()[0]?.model ?? '?'}); Node ${process.version}; load average ${loadavg()
      .map((l) => fmt(l))
      .join(' ')}`,
  );
  console.log(`${String(version?.['v']).split(' on ')[0]}; fsync ${version?.['fsync']}, synchronous_commit ${version?.['sync']}`);
  if (!args.includes('--skip-overhead')) await overheadBench(url);
  if (!args.includes('--skip-processes')) await processBench(url);
  console.log(
    `\nload average at the end: ${loadavg()
      .map((l) => fmt(l))
      .join(' ')}`,
  );
} finally {
  stop();
}
