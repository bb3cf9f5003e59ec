/**
 * jahskit's hypervolume, hypervolume contributions and non-dominated sorting against moocore's C
 * library, every kernel on every input class in one run. Run through compare-moocore.sh, which
 * builds moocore and the driver (compare-moocore.c) first; not part of `npm test`.
 *
 * Both sides are timed in-process on the same doubles: jahskit here (its built dist/index.js, as
 * npm users get it; compare-moocore.sh builds it first), moocore in the driver, which stays up and answers one command at a time. The two are
 * interleaved round by round (the order alternates), each round a batch of calls (>= 20 ms in
 * all, or one call); every call is timed alone (copies made outside the timer) and per-call time
 * is the sum over the batch / calls, on both sides. Printed: min and median over the
 * rounds, and ratio = jahskit / moocore (< 1: jahskit is faster).
 *
 * Input classes (minimisation, reference point 1.1 in every objective, fixed seeds):
 *   sphere    points on {x >= 0 : sum x_j^2 = 1} (concave front), uniform direction
 *   linear    on sum x_j = 1
 *   convex    on sum x_j^(1/2) = 1
 *   concave   on sum x_j^4 = 1 (more strongly concave than the sphere)
 *   clustered 10 Gaussian clusters (sd 0.03) at uniform centres, clipped to [0, 1]
 *   uniform   uniform in [0, 1)^d: mostly dominated points
 *   dups      n / 10 distinct sphere points, each 10 times, shuffled
 *
 * Values must agree: hypervolume to 1e-12 relative; contributions each to 1e-12 of the larger
 * of itself and the set's hypervolume (it is a difference of volumes); ranks exactly. moocore's contributions come in two flavours:
 * ignore_dominated = true (its default in Python and R, and its fast 3-D path) lets dominated
 * points not count at all, which changes other points' contributions when a dominated point
 * lies in a point's exclusive region; jahskit computes the exact HV(all) - HV(all but i), which
 * is moocore's ignore_dominated = false. The ratio is against the flavour whose values agree with
 * jahskit's (marked nd = ignore_dominated, ex = exact); when only the exact one agrees, the ratio
 * against the faster one (different values) is given too.
 *
 * --cpu: time each batch as a whole in CPU time on both sides (the driver's process CPU clock,
 * Node's process.cpuUsage) instead of wall-clock per call: on a machine loaded past its cores
 * wall-clock times swing several-fold with the scheduler, CPU times much less.
 *
 * --esbuild: time the built package as an app's esbuild bundle of it sees it (esbuild turns every
 * top-level const into a var, which V8 does not fold into compiled loops: see hypervolume4dKernels).
 *
 * --sources: time the TypeScript sources through tsx instead, no build needed (each file its own
 * module; see docs/multiobjective.md for how far that moves the 5-D fronts of 100 points).
 *
 * --alloc: time the sorts returning a new array each (the default passes one kept buffer, `into`,
 * as the driver passes moocore its rank buffer).
 *
 * Usage: compare-moocore.ts <driver> [--quick] [--cpu] [--esbuild | --sources] [--alloc] [--filter <regex>] [--rounds <k>]
 * (the filter is matched against labels like `hv sphere 3d 1000`: `3d 100$` picks n = 100 only)
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createInterface } from 'node:readline';
import { SeededRandom } from '../src/random/SeededRandom';

const args = process.argv.slice(2);
const driver = args[0];
if (driver === undefined) {
  console.error('usage: compare-moocore.ts <driver> [--quick] [--cpu] [--esbuild | --sources] [--alloc] [--filter <regex>] [--rounds <k>]');
  process.exit(2);
}
const quick = args.includes('--quick');
// The built package by default (dist/index.js, what npm users get: one rolldown bundle, which keeps
// the sources' top-level consts); --sources the TypeScript sources. Both by relative path, not the
// package name: a copy of the tree (git archive + a node_modules link) then measures its own code,
// not the checkout the workspace link points to. --dist, the default now, is still accepted.
const fromEsbuild = args.includes('--esbuild');
const fromDist = !args.includes('--sources') || fromEsbuild;
const { hypervolume, hypervolumeContributions, nonDominatedSort } = (
  fromEsbuild ? await importEsbuildBundle() : fromDist ? await import('../dist/index.js' as string) : await import('../src/index')
) as typeof import('../src/index');
const cpuTime = args.includes('--cpu');
const filterAt = args.indexOf('--filter');
const filter = filterAt >= 0 ? (args[filterAt + 1] ?? '') : '';
const roundsAt = args.indexOf('--rounds');
const ROUNDS = roundsAt >= 0 ? Number(args[roundsAt + 1]) : quick ? 3 : 5;
const BATCH_SECONDS = quick ? 0.01 : 0.02;

// ---------------------------------------------------------------- input classes

type Kind = 'sphere' | 'linear' | 'convex' | 'concave' | 'clustered' | 'uniform' | 'dups';
const KINDS: Kind[] = ['sphere', 'linear', 'convex', 'concave', 'clustered', 'uniform', 'dups'];

function seedOf(kind: Kind, n: number, d: number): number {
  return 7919 * (KINDS.indexOf(kind) + 1) + 104729 * d + n;
}

function front(n: number, d: number, p: number, rng: SeededRandom): Float64Array {
  const out = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    let norm = 0;
    for (let j = 0; j < d; j++) {
      const g = Math.abs(rng.nextNormal()) + 1e-12;
      out[i * d + j] = g;
      norm += g ** p;
    }
    norm = norm ** (1 / p);
    for (let j = 0; j < d; j++) out[i * d + j] = out[i * d + j]! / norm;
  }
  return out;
}

function generate(kind: Kind, n: number, d: number): Float64Array {
  const rng = new SeededRandom(seedOf(kind, n, d));
  switch (kind) {
    case 'sphere':
      return front(n, d, 2, rng);
    case 'linear':
      return front(n, d, 1, rng);
    case 'convex':
      return front(n, d, 0.5, rng);
    case 'concave':
      return front(n, d, 4, rng);
    case 'uniform': {
      const out = new Float64Array(n * d);
      for (let i = 0; i < out.length; i++) out[i] = rng.nextFloat();
      return out;
    }
    case 'clustered': {
      const centres = new Float64Array(10 * d);
      for (let i = 0; i < centres.length; i++) centres[i] = rng.nextFloat();
      const out = new Float64Array(n * d);
      for (let i = 0; i < n; i++) {
        const c = Math.floor(rng.nextFloat() * 10);
        for (let j = 0; j < d; j++) {
          out[i * d + j] = Math.min(1, Math.max(0, centres[c * d + j]! + 0.03 * rng.nextNormal()));
        }
      }
      return out;
    }
    case 'dups': {
      const m = Math.max(1, Math.floor(n / 10));
      const base = front(m, d, 2, rng);
      const rows = new Int32Array(n);
      for (let i = 0; i < n; i++) rows[i] = i % m;
      for (let i = n - 1; i > 0; i--) {
        const k = Math.floor(rng.nextFloat() * (i + 1));
        const t = rows[i]!;
        rows[i] = rows[k]!;
        rows[k] = t;
      }
      const out = new Float64Array(n * d);
      for (let i = 0; i < n; i++) out.set(base.subarray(rows[i]! * d, rows[i]! * d + d), i * d);
      return out;
    }
  }
}

// ---------------------------------------------------------------- the moocore driver

const child = spawn(driver, [], { stdio: ['pipe', 'pipe', 'inherit'] });
const lines = createInterface({ input: child.stdout });
const waiting: ((line: string) => void)[] = [];
lines.on('line', (line) => waiting.shift()?.(line));
function ask(command: string): Promise<string> {
  return new Promise((resolve, reject) => {
    waiting.push((line) => (line.startsWith('error') ? reject(new Error(`moocore driver: ${line}`)) : resolve(line)));
    child.stdin.write(`${command}\n`);
  });
}

const dir = mkdtempSync(join(tmpdir(), 'jahskit-moocore-'));
const outPath = join(dir, 'out.bin');
type MoocoreKernel = 'hv' | 'hvc' | 'hvcnd' | 'rank';

async function moocore(kernel: MoocoreKernel, reps: number): Promise<{ seconds: number; values: Float64Array }> {
  const total = Number(await ask(`${cpuTime ? 'cpu' : 'run'} ${kernel} ${reps} ${outPath}`));
  const bytes = readFileSync(outPath);
  const values = new Float64Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  return { seconds: total / reps, values };
}

// ---------------------------------------------------------------- timing

type Kernel = 'hv' | 'hvc' | 'sort';

/**
 * The ranks' buffer for the sorts, as the driver has moocore's: pareto_rank writes into a buffer
 * its caller allocated once, and nonDominatedSort writes into `into` when given. With --alloc
 * each sort returns a new Int32Array instead, which V8 allocates off its heap and collects (at
 * 1000 rows 8 % of the sort's time, more with the collections).
 */
const allocate = args.includes('--alloc');
let ranksInto = new Int32Array(0);

/** The call that is timed: the kernel alone, its result as the kernel returns it. */
function call(kernel: Kernel, p: Float64Array, d: number, ref: number[]): number | Float64Array | Int32Array {
  if (kernel === 'hv') return hypervolume(p, d, ref);
  if (kernel === 'hvc') return hypervolumeContributions(p, d, ref);
  if (allocate) return nonDominatedSort(p, d);
  // A new buffer only when n changes: on the call that checks the values, before any timed one.
  if (ranksInto.length !== p.length / d) ranksInto = new Int32Array(p.length / d);
  return nonDominatedSort(p, d, ranksInto);
}

/**
 * The values to compare, as doubles. Converting outside the timed calls: `Float64Array.from` of
 * 1000 ranks took 1.6-4 us, a tenth to a quarter of a 2-D sort, which the driver does not pay
 * (it copies moocore's ranks after its timed loop).
 */
function jahskit(kernel: Kernel, p: Float64Array, d: number, ref: number[]): Float64Array {
  const out = call(kernel, p, d, ref);
  return typeof out === 'number' ? Float64Array.of(out) : Float64Array.from(out);
}

/**
 * Seconds per call, each call timed alone and the times summed, exactly as the driver times
 * moocore: on a shared machine a batch timed as a whole also counts the time other processes
 * ran between calls, which inflated small inputs several times over.
 */
function timeJahskit(kernel: Kernel, p: Float64Array, d: number, ref: number[], reps: number): number {
  if (cpuTime) {
    const t0 = process.cpuUsage();
    for (let r = 0; r < reps; r++) call(kernel, p, d, ref);
    const t = process.cpuUsage(t0);
    return (t.user + t.system) / 1e6 / reps;
  }
  let total = 0;
  for (let r = 0; r < reps; r++) {
    const t0 = performance.now();
    call(kernel, p, d, ref);
    total += performance.now() - t0;
  }
  return total / 1000 / reps;
}

/**
 * undefined when the values agree, else what differs. `scale` is the hypervolume of the whole set:
 * a contribution is a difference of volumes, so its rounding error is relative to that.
 * moocore's exact contributions (HV(all) - HV(all but i)) round values below sqrt(DBL_EPSILON)
 * down to 0 (hv_contrib.c), so `cutoff` lets such a 0 stand for a tiny positive value.
 */
function agree(kernel: Kernel, ours: Float64Array, theirs: Float64Array, scale = 0, cutoff = 0): string | undefined {
  if (ours.length !== theirs.length) return `length ${ours.length} != ${theirs.length}`;
  if (kernel === 'sort') {
    let bad = 0;
    for (let i = 0; i < ours.length; i++) if (ours[i] !== theirs[i]) bad++;
    return bad === 0 ? undefined : `${bad} ranks differ`;
  }
  let worst = 0;
  let where = -1;
  for (let i = 0; i < ours.length; i++) {
    const a = ours[i]!;
    const b = theirs[i]!;
    const err = Math.abs(a - b);
    if (err <= 1e-12 * Math.max(Math.abs(a), Math.abs(b), scale)) continue;
    if (b === 0 && Math.abs(a) < cutoff) continue;
    const rel = err / Math.max(Math.abs(a), Math.abs(b), scale);
    if (rel > worst) {
      worst = rel;
      where = i;
    }
  }
  return worst === 0 ? undefined : `relative error ${worst.toExponential(1)} at row ${where}: ${ours[where]} vs ${theirs[where]}`;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const fmt = (s: number): string => (s < 1e-3 ? `${(s * 1e6).toFixed(1)} us` : s < 1 ? `${(s * 1e3).toFixed(2)} ms` : `${s.toFixed(2)} s`);
const repsFor = (seconds: number): number => Math.max(1, Math.min(5000, Math.ceil(BATCH_SECONDS / Math.max(seconds, 1e-7))));

// ---------------------------------------------------------------- cases

const SIZES: Record<Kernel, Record<number, number[]>> = quick
  ? {
      hv: { 2: [1000, 100_000], 3: [1000, 100_000], 4: [1000], 5: [500] },
      hvc: { 2: [10_000], 3: [1000], 4: [200] },
      sort: { 2: [10_000], 3: [10_000], 4: [10_000], 5: [10_000] },
    }
  : {
      hv: { 2: [100, 1000, 10_000, 100_000], 3: [100, 1000, 10_000, 100_000], 4: [100, 1000, 10_000], 5: [100, 500] },
      hvc: { 2: [1000, 10_000, 100_000], 3: [100, 1000, 10_000], 4: [100, 500], 5: [100] },
      sort: { 2: [1000, 10_000, 100_000], 3: [1000, 10_000, 100_000], 4: [1000, 10_000], 5: [1000, 10_000] },
    };

const header = '| kernel | input | d | n | jahskit min | jahskit median | moocore min | moocore median | ratio min | ratio median | values |';
const rows: string[] = [header, '|---|---|---|---|---|---|---|---|---|---|---|'];

async function runCase(kernel: Kernel, kind: Kind, d: number, n: number): Promise<void> {
  const p = generate(kind, n, d);
  const ref = new Array<number>(d).fill(1.1);
  const file = join(dir, 'points.bin');
  writeFileSync(file, Buffer.from(p.buffer, p.byteOffset, p.byteLength));
  await ask(`load ${file} ${n} ${d}`);
  // Warm-up and value check, which also picks the moocore flavour to time for contributions.
  // A quarter of a second (at least 3 calls): V8 compiles the hot functions in a background
  // thread, which on a busy 2-core machine took long enough that a 0.1 s warm-up left the first
  // case of a kernel timed partly unoptimised (min 76 us, median 225 us).
  let ours = jahskit(kernel, p, d, ref);
  let oursOnce = Infinity;
  for (let k = 0, spent = 0; k < 3 || (spent < 0.25 && k < 500); k++) {
    const t0 = performance.now();
    ours = jahskit(kernel, p, d, ref);
    const s = (performance.now() - t0) / 1000;
    oursOnce = Math.min(oursOnce, s);
    spent += s;
  }
  const scale = kernel === 'hvc' ? hypervolume(p, d, ref) : 0;
  let flavour: MoocoreKernel = kernel === 'sort' ? 'rank' : kernel === 'hv' ? 'hv' : 'hvcnd';
  let first = await moocore(flavour, 1);
  let mismatch = agree(kernel, ours, first.values, scale);
  let note = '';
  let fasterOther: MoocoreKernel | undefined;
  if (mismatch !== undefined && flavour === 'hvcnd') {
    const exact = await moocore('hvc', 1);
    const m2 = agree(kernel, ours, exact.values, scale, Math.sqrt(Number.EPSILON));
    if (m2 === undefined) {
      note = ' (ex; nd differs)';
      fasterOther = 'hvcnd';
      flavour = 'hvc';
      first = exact;
      mismatch = undefined;
    } else mismatch = `nd: ${mismatch}; ex: ${m2}`;
  } else if (flavour === 'hvcnd') note = ' (nd)';
  const oursReps = repsFor(oursOnce);
  const theirsReps = repsFor(first.seconds);
  const a: number[] = [];
  const b: number[] = [];
  const c: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    if (r % 2 === 0) {
      a.push(timeJahskit(kernel, p, d, ref, oursReps));
      b.push((await moocore(flavour, theirsReps)).seconds);
    } else {
      b.push((await moocore(flavour, theirsReps)).seconds);
      a.push(timeJahskit(kernel, p, d, ref, oursReps));
    }
    if (fasterOther !== undefined) c.push((await moocore(fasterOther, repsFor(b[0]!))).seconds);
  }
  const ratioMin = Math.min(...a) / Math.min(...b);
  const ratioMed = median(a) / median(b);
  let values = mismatch === undefined ? `agree${note}` : `**DIFFER** ${mismatch}`;
  if (c.length > 0) values += `; ratio vs nd ${(Math.min(...a) / Math.min(...c)).toFixed(2)}`;
  const name = kernel === 'hv' ? 'hypervolume' : kernel === 'hvc' ? 'contributions' : 'sort';
  const row = `| ${name} | ${kind} | ${d} | ${n} | ${fmt(Math.min(...a))} | ${fmt(median(a))} | ${fmt(Math.min(...b))} | ${fmt(median(b))} | ${ratioMin.toFixed(2)} | ${ratioMed.toFixed(2)} | ${values} |`;
  rows.push(row);
  console.log(row);
}

/** Where both sides ran, as compare-moocore.sh pinned them (MOOCORE_PIN). */
function pinnedTo(): string {
  const pin = process.env.MOOCORE_PIN;
  return pin === undefined || pin === 'none' ? 'not pinned' : `both sides pinned to CPU ${pin}`;
}

async function main(): Promise<void> {
  console.log(
    `# jahskit (${fromEsbuild ? 'an esbuild bundle of dist/index.js' : fromDist ? 'built dist/index.js' : 'TypeScript sources via tsx'}, Node ${process.version}${cpuTime ? ', CPU time per batch' : ''}${allocate ? ', sorts into new arrays' : ''}) vs moocore C ${process.env.MOOCORE_COMMIT ?? ''} (${process.env.MOOCORE_CFLAGS ?? ''})`,
  );
  console.log(`# ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${pinnedTo()}, ${new Date().toISOString()}, ${ROUNDS} rounds`);
  for (const kernel of ['hv', 'hvc', 'sort'] as const) {
    for (const [dText, sizes] of Object.entries(SIZES[kernel])) {
      const d = Number(dText);
      for (const n of sizes) {
        for (const kind of KINDS) {
          const label = `${kernel} ${kind} ${d}d ${n}`;
          if (filter !== '' && !new RegExp(filter).test(label)) continue;
          await runCase(kernel, kind, d, n);
        }
      }
    }
  }
  console.log(`\n${rows.join('\n')}`);
}

main()
  .catch((e: unknown) => {
    console.error((e as Error).message);
    process.exitCode = 1;
  })
  .finally(() => {
    child.stdin.end('quit\n');
    rmSync(dir, { recursive: true, force: true });
  });

/**
 * dist/index.js bundled by esbuild (bundle, ESM, defaults otherwise) into a temporary file. The
 * bundle is built by esbuild's command line in a child process, not its JS API in this one: under
 * tsx, a build through the API detaches an ArrayBuffer in this isolate, and after the first detach
 * V8 (Node 20) checks on every typed-array access in optimised code that its buffer is still
 * attached (the "ArrayBufferDetaching" protector, see `node --trace-protector-invalidation`). That
 * cost the kernels 1.3-1.4x (4-D front of 100 points: 12.5 us instead of 9.3-9.7 us, 5-D: 102-105
 * instead of 76-82), which the tenth round read as the bundle's cost: the same bundle imported
 * from a file built beforehand ran as fast as dist/index.js.
 */
async function importEsbuildBundle(): Promise<unknown> {
  const dir = mkdtempSync(join(tmpdir(), 'jahskit-esbuild-'));
  const outfile = join(dir, 'bundle.mjs');
  const esbuild = join(dirname(createRequire(import.meta.url).resolve('esbuild/package.json')), 'bin', 'esbuild');
  const entry = fileURLToPath(new URL('../dist/index.js', import.meta.url));
  execFileSync(process.execPath, [esbuild, entry, '--bundle', '--format=esm', '--platform=node', `--outfile=${outfile}`, '--log-level=warning'], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  try {
    return await import(pathToFileURL(outfile).href);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
