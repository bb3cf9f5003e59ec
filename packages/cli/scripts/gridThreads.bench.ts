// Grid threads benchmark (not part of `npm test`); figures go to docs/performance.md, section "Grid threads".
//
//   npx tsx --conditions=@jahskit/source packages/cli/scripts/gridThreads.bench.ts [options]
//     --grids <a,b>    of default, heavy, tiny, one (default: default,heavy,tiny)
//     --modes <a,b>    checkout (node packages/cli/bin/jahskit.js), built (node packages/cli/dist/bin.js,
//                      after `npm run build`) (default: both; built only when dist/bin.js exists)
//     --rounds <n>     repetitions (default 5)
//
// 1. Thread start-up: a grid thread started on an empty grid until it exits (it loads its code and
//    finds nothing to claim), CPU time of this process while it waits (min and median of 10).
// 2. `jahskit compare --threads 1` against `--threads 2`, as separate processes, interleaved (the
//    order alternates each round), on each grid and each mode: wall time and CPU time (user + system,
//    from /proc/self/stat of the waited children), min and median, and the ratios t1/t2.
//      default: the default grid, nb201,jahs x rs,re,hyperband x 10 seeds (60 runs)
//      heavy:   nb201,jahs x tpe,bananas,re x 10 seeds (60 runs, bananas about 1 s a run)
//      tiny:    nb201 x rs x 3 seeds (does a thread that cannot pay stay out of the way?)
//      one:     nb201 x rs x 1 seed
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { GridClaims } from '../src/compare/GridClaims';
import { startGridThread } from '../src/compare/startGridThread';
import type { GridThreadData } from '../src/compare/threadMessages';

const GRIDS: Record<string, readonly string[]> = {
  default: [],
  heavy: ['--protocols', 'nb201,jahs', '--optimizers', 'tpe,bananas,re', '--seeds', '10'],
  tiny: ['--protocols', 'nb201', '--optimizers', 'rs', '--seeds', '3'],
  one: ['--protocols', 'nb201', '--optimizers', 'rs', '--seeds', '1'],
};
const root = fileURLToPath(new URL('../../../', import.meta.url));
const MODES: Record<string, string> = {
  checkout: join(root, 'packages/cli/bin/jahskit.js'),
  built: join(root, 'packages/cli/dist/bin.js'),
};

const { values } = parseArgs({
  options: {
    grids: { type: 'string', default: 'default,heavy,tiny' },
    modes: { type: 'string', default: 'checkout,built' },
    rounds: { type: 'string', default: '5' },
  },
});
const grids = values.grids.split(',');
const modes = values.modes.split(',').filter((m) => m !== 'built' || existsSync(MODES.built!));
const rounds = Number(values.rounds);
for (const g of grids) if (!(g in GRIDS)) throw new Error(`unknown grid ${g}; grids: ${Object.keys(GRIDS).join(', ')}`);

const cpuMs = (): number => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};
/** CPU seconds of the children this process has waited for (utime + stime of /proc/self/stat's cutime, cstime). */
const childCpu = (): number => {
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[13]) + Number(fields[14])) / 100;
};
const stats = (xs: readonly number[]): { min: number; median: number } => {
  const s = [...xs].sort((a, b) => a - b);
  return { min: s[0]!, median: s.length % 2 === 1 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2 };
};

console.log(
  `grid threads bench: ${new Date().toISOString()}, ${cpus().length} cores, Node ${process.version}, load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);

// 1. Thread start-up.
async function startUp(start: (data: GridThreadData) => Worker): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < 10; i++) {
    const claims = GridClaims.create([], [], 2);
    const before = cpuMs();
    const worker = start({ jobs: [], claims: claims.data, claimer: 1, env: {} });
    await new Promise((resolve) => worker.on('exit', resolve));
    times.push(cpuMs() - before);
  }
  return times;
}
const startUps: [string, () => Promise<number[]>][] = [['checkout (cached bundle)', () => startUp(startGridThread)]];
const builtWorker = join(root, 'packages/cli/dist/gridWorker.js');
// Without this process's tsx (--import) in the thread: the built CLI runs with none.
if (modes.includes('built'))
  startUps.push(['built (dist/gridWorker.js)', () => startUp((data) => new Worker(builtWorker, { workerData: data, execArgv: [] }))]);
await startUp(startGridThread); // builds the cache if stale
for (const [name, measure] of startUps) {
  const s = stats(await measure());
  console.log(`thread start-up, ${name}: min ${s.min.toFixed(0)} ms CPU, median ${s.median.toFixed(0)} ms CPU`);
}

// 2. compare --threads 1 against --threads 2.
const work = mkdtempSync(join(tmpdir(), 'jahskit-grid-threads-'));
let n = 0;
function runCompare(mode: string, grid: string, workers: number): { wall: number; cpu: number } {
  const out = join(work, `out${n++}`);
  const cpuBefore = childCpu();
  const started = performance.now();
  const result = spawnSync(process.execPath, [MODES[mode]!, 'compare', ...GRIDS[grid]!, '--threads', String(workers), '--quiet', '--out', out], {
    encoding: 'utf8',
    cwd: work,
    env: { ...process.env, TSX_TSCONFIG_PATH: join(root, 'tsconfig.json') },
  });
  const wall = (performance.now() - started) / 1000;
  const cpu = childCpu() - cpuBefore;
  rmSync(out, { recursive: true, force: true });
  if (result.status !== 0) throw new Error(`${mode} ${grid} --threads ${workers} failed: ${result.stderr}`);
  return { wall, cpu };
}

const rows: string[] = [];
for (const grid of grids) {
  for (const mode of modes) {
    const samples: Record<1 | 2, { wall: number; cpu: number }[]> = { 1: [], 2: [] };
    const paired: number[] = [];
    runCompare(mode, grid, 2); // warm-up: caches, bundle, page cache
    for (let r = 0; r < rounds; r++) {
      const order: (1 | 2)[] = r % 2 === 0 ? [1, 2] : [2, 1];
      const got: Partial<Record<1 | 2, { wall: number; cpu: number }>> = {};
      for (const w of order) got[w] = runCompare(mode, grid, w);
      samples[1].push(got[1]!);
      samples[2].push(got[2]!);
      paired.push(got[1]!.wall / got[2]!.wall);
    }
    const w1 = stats(samples[1].map((s) => s.wall));
    const w2 = stats(samples[2].map((s) => s.wall));
    const c1 = stats(samples[1].map((s) => s.cpu));
    const c2 = stats(samples[2].map((s) => s.cpu));
    const row = `| ${grid} | ${mode} | ${w1.min.toFixed(2)} / ${w1.median.toFixed(2)} s | ${w2.min.toFixed(2)} / ${w2.median.toFixed(2)} s | ${(w1.min / w2.min).toFixed(2)}x / ${(w1.median / w2.median).toFixed(2)}x | ${stats(paired).median.toFixed(2)}x | ${c1.median.toFixed(2)} / ${c2.median.toFixed(2)} s |`;
    console.log(row);
    rows.push(row);
  }
}
rmSync(work, { recursive: true, force: true });
console.log(
  `\nload average at the end ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}; ${rounds} rounds\n`,
);
console.log(
  '| grid | CLI | --threads 1 wall (min / median) | --threads 2 wall (min / median) | speed-up (of mins / of medians) | speed-up (median of paired rounds) | CPU t1 / t2 (median) |',
);
console.log('|---|---|---|---|---|---|---|');
for (const row of rows) console.log(row);
