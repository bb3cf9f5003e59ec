/**
 * Checks that no kernel is left entering through V8's on-stack-replacement code after a first
 * call on a large set (see WarmUp in src/internal/WarmUp.ts). Not part of `npm test`: it reads
 * V8's `--trace-osr` output, whose wording belongs to V8, not to us.
 *
 *   npx tsx --conditions=@jahskit/source packages/multiobjective/scripts/tier-up-trap.ts [--rows 10000]
 *
 * For each entry point, each d it warms up and each kind of set, a child process (one thread, so V8 compiles
 * synchronously and the trap, when there is one, is certain) calls the entry point 3 times on
 * `--rows` rows, then 3000 times on 100 rows of the same kind, and counts the on-stack-replacement
 * entries in those 3000 calls by function. Exits 1 when some function was entered so in at least
 * a tenth of them. Node 20 and 22 met the trap (Node 24's V8 did not): see docs/multiobjective.md,
 * "When the first call is on a large set".
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { hypervolume, hypervolumeContributions, hypervolumeImprovement, nonDominatedFilter, nonDominatedSort } from '@jahskit/multiobjective';

type Entry = 'hypervolume' | 'hypervolumeContributions' | 'hypervolumeImprovement' | 'nonDominatedSort' | 'nonDominatedFilter';
/** The d each entry point warms up (the `maxD` of its WarmUp): past them a call is long enough. */
const WARMED: Record<Entry, number[]> = {
  hypervolume: [2, 3, 4, 5],
  hypervolumeContributions: [2, 3],
  hypervolumeImprovement: [2, 3, 4],
  nonDominatedSort: [2, 3],
  nonDominatedFilter: [2, 3, 5, 8],
};
const MARK = 'SMALL CALLS START';
const SMALL_CALLS = 3000;

/** A fixed generator, so every child sees the same sets. */
function generator(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return s / 4294967296;
  };
}

/** n points of d objectives: a sphere front, or uniform in [0, 1)^d (mostly dominated). */
function points(kind: string, n: number, d: number, random: () => number): Float64Array {
  const out = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    let norm = 0;
    for (let j = 0; j < d; j++) {
      const v = random() + 1e-9;
      out[i * d + j] = v;
      norm += v * v;
    }
    if (kind === 'sphere') for (let j = 0; j < d; j++) out[i * d + j]! /= Math.sqrt(norm);
  }
  return out;
}

/** How a child calls each entry point on a set of d objectives, with the reference 1.1 in each. */
const CALLS: Record<Entry, (d: number, reference: number[]) => (p: Float64Array) => number> = {
  hypervolume: (d, reference) => (p) => hypervolume(p, d, reference),
  hypervolumeContributions: (d, reference) => (p) => hypervolumeContributions(p, d, reference)[0]!,
  // A point inside the sphere front, which the front then does not cover.
  hypervolumeImprovement: (d, reference) => (p) => hypervolumeImprovement(p, d, new Array<number>(d).fill(0.3), reference),
  nonDominatedSort: (d) => (p) => nonDominatedSort(p, d)[0]!,
  nonDominatedFilter: (d) => (p) => nonDominatedFilter(p, d)[0]!,
};

function child(entry: Entry, d: number, kind: string, rows: number): void {
  const call = CALLS[entry](d, new Array<number>(d).fill(1.1));
  const random = generator(7);
  const large = points(kind, rows, d, random);
  for (let k = 0; k < 3; k++) call(large);
  const small = points(kind, 100, d, random);
  console.log(MARK);
  let sum = 0;
  for (let k = 0; k < SMALL_CALLS; k++) sum += call(small);
  if (sum === 0.5) console.log(sum);
}

function parent(rows: number): void {
  const self = fileURLToPath(import.meta.url);
  let trapped = 0;
  let cases = 0;
  console.log(`Node ${process.version}, first calls on ${rows} rows, then ${SMALL_CALLS} on 100: on-stack-replacement entries in those`);
  for (const [entry, dims] of Object.entries(WARMED) as [Entry, number[]][]) {
    for (const d of dims) {
      for (const kind of ['sphere', 'uniform']) {
        cases++;
        const run = spawnSync(
          process.execPath,
          ['--single-threaded', '--trace-osr', '--import', 'tsx', '--conditions=@jahskit/source', self, 'child', entry, String(d), kind, String(rows)],
          { encoding: 'utf8', maxBuffer: 1 << 30 },
        );
        if (run.status !== 0) throw new Error(`child ${entry} ${d} ${kind} failed:\n${run.stderr}`);
        const after = run.stdout.slice(run.stdout.indexOf(MARK));
        const counts = new Map<string, number>();
        for (const m of after.matchAll(/\[OSR - entry\. function: ([^,]+),/g)) counts.set(m[1]!, (counts.get(m[1]!) ?? 0) + 1);
        const worst = [...counts].filter(([, c]) => c >= SMALL_CALLS / 10);
        if (worst.length > 0) trapped++;
        const shown = [...counts].map(([f, c]) => `${f} ${c}`).join(', ');
        console.log(`${worst.length > 0 ? 'TRAP' : 'ok  '} ${entry} ${d}-D ${kind}: ${shown || 'none'}`);
      }
    }
  }
  console.log(`${trapped} of ${cases} cases trapped`);
  if (trapped > 0) process.exitCode = 1;
}

const args = process.argv.slice(2);
if (args[0] === 'child') child(args[1] as Entry, Number(args[2]), args[3]!, Number(args[4]));
else parent(args[0] === '--rows' ? Number(args[1]) : 10000);
