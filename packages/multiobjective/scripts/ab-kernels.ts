/**
 * Times one kernel call of two trees side by side: each tree's multiobjective sources bundled by
 * esbuild (what an app's bundle runs), then child processes alternating A, B, A, B, ..., each
 * pinned to one CPU, each timing the same set in CPU time. Not part of `npm test`: it is the
 * tool for deciding whether a kernel change pays, where the noise between processes and between
 * the cores of a shared machine is larger than most of the changes (see docs/multiobjective.md,
 * "What changed in the fifteenth round").
 *
 *   npx tsx packages/multiobjective/scripts/ab-kernels.ts <A> <B> [--kernel hv|hvc|sort]
 *     [--kind sphere|linear|convex|concave|uniform] [--d 4] [--n 100] [--pairs 4] [--pin <cpu>]
 *
 * A and B are git revisions, or `.` for the working tree. Prints each process's minimum and median
 * microseconds a call (15 batches of at least 20 ms after a 0.25 s warm-up), B / A per pair of
 * minima, and whether the two trees' values are identical. `--pin` defaults to the last CPU this
 * process may use; check first which core is quiet (`taskset -c <cpu>` on a short loop): on a
 * shared VM one core can run the same code up to 1.8x slower than the other, and which one changes.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const option = (name: string, fallback: string): string => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? (args[at + 1] ?? fallback) : fallback;
};
const [treeA, treeB] = args.filter((a, i) => !a.startsWith('--') && (i === 0 || !args[i - 1]!.startsWith('--')));
if (treeA === undefined || treeB === undefined) {
  console.error(
    'usage: ab-kernels.ts <A> <B> [--kernel hv|hvc|sort] [--kind sphere|linear|convex|concave|uniform] [--d 4] [--n 100] [--pairs 4] [--pin <cpu>]',
  );
  process.exit(2);
}
const kernel = option('kernel', 'hv');
const kind = option('kind', 'sphere');
const d = Number(option('d', '4'));
const n = Number(option('n', '100'));
const pairs = Number(option('pairs', '4'));
const KINDS = ['sphere', 'linear', 'convex', 'concave', 'uniform'];
if (!['hv', 'hvc', 'sort'].includes(kernel) || !KINDS.includes(kind) || !(d >= 2 && Number.isInteger(d)) || !(n >= 1 && Number.isInteger(n)) || !(pairs >= 1)) {
  console.error(`ab-kernels: --kernel is hv, hvc or sort; --kind one of ${KINDS.join(', ')}; --d an integer >= 2; --n and --pairs positive integers`);
  process.exit(2);
}
const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const pin = args.includes('--pin') ? option('pin', '') : lastAllowedCpu();
if (!/^\d+$/.test(pin)) {
  console.error(`ab-kernels: --pin takes a CPU number, got ${JSON.stringify(pin)}`);
  process.exit(2);
}

/** The last CPU of this process's affinity list ("0-1" -> "1"), as compare-moocore.sh pins. */
function lastAllowedCpu(): string {
  const list = execFileSync('taskset', ['-cp', String(process.pid)], { encoding: 'utf8' });
  return list
    .trim()
    .replace(/.*: /, '')
    .replace(/.*[,-]/, '');
}

/** n points of d objectives: on {x >= 0 : sum x_j^p = 1} for the fronts, uniform in [0, 1)^d otherwise. */
function points(): Float64Array {
  let s = 0x9e3779b9 ^ (d * 7919 + n);
  const random = (): number => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return (s + 0.5) / 4294967296;
  };
  const power = ({ sphere: 2, linear: 1, convex: 0.5, concave: 4 } as Record<string, number>)[kind];
  const out = new Float64Array(n * d);
  for (let i = 0; i < out.length; i++) out[i] = random();
  if (power === undefined) return out;
  for (let o = 0; o < out.length; o += d) {
    let norm = 0;
    for (let j = 0; j < d; j++) norm += out[o + j]! ** power;
    for (let j = 0; j < d; j++) out[o + j]! /= norm ** (1 / power);
  }
  return out;
}

/** The child: imports a bundle, times the kernel on the set in CPU time, prints JSON. */
const CHILD = `
import { readFileSync } from 'node:fs';
const [bundle, data, kernelName, dText] = process.argv.slice(2);
const m = await import(bundle);
const bytes = readFileSync(data);
const p = new Float64Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
const d = Number(dText);
const ref = new Array(d).fill(1.1);
const call = kernelName === 'hv' ? () => m.hypervolume(p, d, ref) : kernelName === 'hvc' ? () => m.hypervolumeContributions(p, d, ref)[0] : () => m.nonDominatedSort(p, d)[0];
const cpu = () => { const t = process.cpuUsage(); return (t.user + t.system) / 1e6; };
let value;
for (const t0 = cpu(); cpu() - t0 < 0.25; ) value = call();
let reps = 1;
for (;;) { const t0 = cpu(); for (let r = 0; r < reps; r++) call(); if (cpu() - t0 >= 0.02) break; reps *= 2; }
const times = [];
for (let b = 0; b < 15; b++) { const t0 = cpu(); for (let r = 0; r < reps; r++) value = call(); times.push(((cpu() - t0) / reps) * 1e6); }
times.sort((a, b) => a - b);
console.log(JSON.stringify({ min: times[0], median: times[7], value }));
`;

const work = mkdtempSync(join(tmpdir(), 'jahskit-ab-'));
try {
  const esbuild = join(root, 'node_modules/.bin/esbuild');
  const bundles = [treeA, treeB].map((tree, i) => {
    const side = join(work, `tree${i}`);
    let sources = join(root, 'packages/multiobjective/src');
    if (tree !== '.') {
      mkdirSync(side);
      const archive = execFileSync('git', ['-C', root, 'archive', tree, 'packages/multiobjective/src'], { maxBuffer: 1 << 28 });
      execFileSync('tar', ['-x', '-C', side], { input: archive });
      sources = join(side, 'packages/multiobjective/src');
    }
    const out = join(work, `${i === 0 ? 'A' : 'B'}.mjs`);
    execFileSync(esbuild, [join(sources, 'index.ts'), '--bundle', '--format=esm', '--platform=node', `--outfile=${out}`, '--log-level=warning']);
    return out;
  });
  const data = join(work, 'points.bin');
  const set = points();
  writeFileSync(data, new Uint8Array(set.buffer));
  const child = join(work, 'child.mjs');
  writeFileSync(child, CHILD);

  const run = (bundle: string): { min: number; median: number; value: number } => {
    const result = spawnSync('taskset', ['-c', pin, process.execPath, child, bundle, data, kernel, String(d)], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`child failed: ${result.stderr}`);
    return JSON.parse(result.stdout) as { min: number; median: number; value: number };
  };
  console.log(
    `# ${kernel} ${kind} ${d}-D n = ${n}: A = ${treeA}, B = ${treeB}; ${pairs} pairs of processes on CPU ${pin}, Node ${process.version}, ${new Date().toISOString()}`,
  );
  console.log('| pair | A min | A median | B min | B median | B / A (min) |');
  console.log('|---|---|---|---|---|---|');
  const ratios: number[] = [];
  const values = new Set<number>();
  for (let k = 0; k < pairs; k++) {
    // The order alternates from pair to pair, so that neither side always runs first.
    const first = run(bundles[k % 2]!);
    const second = run(bundles[1 - (k % 2)]!);
    const [a, b] = k % 2 === 0 ? [first, second] : [second, first];
    ratios.push(b.min / a.min);
    values.add(a.value).add(b.value);
    console.log(
      `| ${k + 1} | ${a.min.toFixed(2)} us | ${a.median.toFixed(2)} us | ${b.min.toFixed(2)} us | ${b.median.toFixed(2)} us | ${(b.min / a.min).toFixed(3)} |`,
    );
  }
  ratios.sort((x, y) => x - y);
  console.log(
    `B / A: ${ratios[0]!.toFixed(3)}-${ratios.at(-1)!.toFixed(3)}, median ${ratios[Math.floor(ratios.length / 2)]!.toFixed(3)}; values ${values.size === 1 ? 'identical' : `differ (${[...values].join(', ')})`}`,
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
