/**
 * Measures jahskit's kernels and the reference implementations on the same inputs in one run
 * and prints the time ratios. Not part of `npm test`; run through compare-references.sh, which
 * builds the pagmo driver first. Times are the best of several repetitions (single thread).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
// Relative, not the package name: a copy of the tree (git archive + a node_modules link) then measures
// its own sources, not the checkout the workspace link points to.
import { hypervolume, hypervolumeContributions, nonDominatedSort } from '../src/index';
import { hypervolumeSphereCases, sphere, uniform } from '../src/testing/benchFixtures';

const pagmoBin = process.argv[2];
const here = dirname(fileURLToPath(import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'jahskit-compare-'));

function save(name: string, p: Float64Array, d: number): string {
  const n = p.length / d;
  const rows: string[] = [`${n} ${d}`];
  for (let i = 0; i < n; i++) rows.push(Array.from(p.subarray(i * d, i * d + d), (v) => v.toPrecision(17)).join(' '));
  const path = join(dir, `${name}.txt`);
  writeFileSync(path, `${rows.join('\n')}\n`);
  return path;
}

function bestOf(f: () => number, reps: number): { seconds: number; value: number } {
  let value = f();
  for (let i = 0; i < 2; i++) value = f();
  let best = Infinity;
  for (let r = 0; r < reps; r++) {
    const t0 = performance.now();
    value = f();
    best = Math.min(best, (performance.now() - t0) / 1000);
  }
  return { seconds: best, value };
}

function reparse(p: Float64Array): Float64Array {
  // The references read 17-digit text; use exactly the same doubles.
  return Float64Array.from(p, (v) => Number(v.toPrecision(17)));
}

function run(cmd: string, args: string[]): { seconds: number; value: number } | string {
  try {
    const out = execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 600_000 })
      .trim()
      .split(/\s+/);
    return { seconds: Number(out[2]), value: Number(out[3]) };
  } catch (e) {
    return `failed: ${(e as Error).message.split('\n')[0]}`;
  }
}

const fmt = (s: number): string => (s < 1e-3 ? `${(s * 1e6).toFixed(1)} us` : `${(s * 1e3).toFixed(2)} ms`);
const rows: string[] = ['| task | input | jahskit | DEAP (C) | ratio DEAP/jahskit | pagmo | ratio pagmo/jahskit |', '|---|---|---|---|---|---|---|'];
function report(
  task: string,
  input: string,
  ours: { seconds: number; value: number },
  deap: ReturnType<typeof run> | undefined,
  pagmo: ReturnType<typeof run> | undefined,
): void {
  const cell = (r: ReturnType<typeof run> | undefined): [string, string] => {
    if (r === undefined) return ['n/a', 'n/a'];
    if (typeof r === 'string') return [r, 'n/a'];
    const agree = Math.abs(r.value - ours.value) <= 1e-9 * Math.max(1, Math.abs(ours.value)) ? '' : ` (value ${r.value} != ${ours.value})`;
    return [`${fmt(r.seconds)}${agree}`, (r.seconds / ours.seconds).toFixed(2)];
  };
  const [d1, r1] = cell(deap);
  const [p1, r2] = cell(pagmo);
  rows.push(`| ${task} | ${input} | ${fmt(ours.seconds)} | ${d1} | ${r1} | ${p1} | ${r2} |`);
  console.log(rows[rows.length - 1]);
}

for (const [n, d] of hypervolumeSphereCases) {
  const p = reparse(sphere(n, d));
  const file = save(`sphere-${d}d-${n}`, p, d);
  const reps = n >= 100_000 ? 5 : 20;
  const ours = bestOf(() => hypervolume(p, d, new Array(d).fill(1.1)), reps);
  const deap = run('/usr/bin/python3', [join(here, 'compare-deap.py'), file, String(Math.min(reps, 5)), '1.1']);
  const pagmo = pagmoBin ? run(pagmoBin, ['hv', file, String(Math.min(reps, 5)), '1.1']) : undefined;
  report('hypervolume', `sphere ${d}-D n=${n}`, ours, deap, pagmo);
}
{
  const p = reparse(sphere(1000, 3));
  const file = save('sphere-3d-1000-hvc', p, 3);
  const ours = bestOf(() => hypervolumeContributions(p, 3, [1.1, 1.1, 1.1])[0]!, 20);
  const pagmo = pagmoBin ? run(pagmoBin, ['hvc', file, '5', '1.1']) : undefined;
  report('contributions', 'sphere 3-D n=1000', ours, undefined, pagmo);
}
for (const d of [2, 3, 5]) {
  const p = reparse(uniform(10_000, d));
  const file = save(`uniform-${d}d-10000`, p, d);
  const ours = bestOf(() => {
    const ranks = nonDominatedSort(p, d);
    let fronts = 0;
    for (const r of ranks) fronts = Math.max(fronts, r + 1);
    return fronts;
  }, 10);
  const pagmo = pagmoBin ? run(pagmoBin, ['nds', file, '3']) : undefined;
  report('non-dominated sort (value = #fronts)', `uniform ${d}-D n=10000`, ours, undefined, pagmo);
}
console.log(`\n${rows.join('\n')}`);
