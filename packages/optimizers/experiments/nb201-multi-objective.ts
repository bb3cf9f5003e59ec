/**
 * Acceptance experiment (not part of `npm test`): the multi-objective optimizers on NAS-Bench-201
 * CIFAR-10, objectives validation error (%, 200 epochs, mean over the recorded seeds) and parameters
 * (MB), one worker, 10 seeds. Hypervolume with the benchmark's reference point (1.1 x the
 * componentwise maximum of the true front: (16.870, 1.1808)), as a fraction of the true front's.
 * Writes docs/experiments/nb201-multi-objective.md.
 *
 *   npx tsx --conditions=@jahskit/source packages/optimizers/experiments/nb201-multi-objective.ts
 *
 * Environment: JAHSKIT_OPTIMIZERS=rs,nsga2,... (default: all), JAHSKIT_SEEDS (10),
 * JAHSKIT_EVALUATIONS (1000), JAHSKIT_CHECKPOINT (300), JAHSKIT_OUT (markdown path).
 *
 * Budgets: full-fidelity methods get 1,000 evaluations and are read after 300 and 1,000. The
 * multi-fidelity ones (mobohb, shemoa) get the same simulated time as random search spends on 300
 * and 1,000 evaluations with the same seed ("full-evaluation equivalents"), and only their
 * 200-epoch results count towards the hypervolume.
 */
import 'reflect-metadata';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { simulate, validateOptions, type Benchmark, type BenchmarkDescriptor, type OptimizerDescriptor, type TrialRecord } from '@jahskit/core';
import { hypervolume } from '@jahskit/multiobjective';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..', '..');
const seeds = Number(process.env['JAHSKIT_SEEDS'] ?? 10);
const evaluations = Number(process.env['JAHSKIT_EVALUATIONS'] ?? 1000);
const checkpoint = Number(process.env['JAHSKIT_CHECKPOINT'] ?? 300);
const out = process.env['JAHSKIT_OUT'] ?? join(root, 'docs', 'experiments', 'nb201-multi-objective.md');

const CANDIDATES: readonly { readonly folder: string; readonly id: string; readonly options: Record<string, unknown>; readonly label?: string }[] = [
  { folder: 'rs', id: 'rs', options: {} },
  { folder: 'nsga2', id: 'nsga2', options: {} },
  { folder: 'nsga2', id: 'nsga2', options: { population: 20 }, label: 'nsga2 (population 20)' },
  { folder: 'smsemoa', id: 'smsemoa', options: {} },
  { folder: 'motpe', id: 'motpe', options: {} },
  { folder: 'parego', id: 'parego', options: {} },
  { folder: 'msehvi', id: 'msehvi', options: {} },
  { folder: 'mobananas', id: 'mobananas', options: {} },
  { folder: 'bulkcut', id: 'bulkcut', options: {} },
  { folder: 'shemoa', id: 'shemoa', options: {} },
  { folder: 'mobohb', id: 'mobohb', options: {} },
];

function isDescriptor(value: unknown): value is OptimizerDescriptor {
  const v = value as Partial<OptimizerDescriptor> | null;
  return typeof v === 'object' && v !== null && typeof v.id === 'string' && typeof v.create === 'function' && typeof v.capabilities === 'object';
}

async function descriptorsIn(folder: string): Promise<OptimizerDescriptor[]> {
  const dir = join(root, 'packages', 'optimizers', 'src', folder);
  if (!existsSync(dir)) return [];
  const found: OptimizerDescriptor[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('Module.ts'))) {
    const module = (await import(join(dir, file))) as Record<string, unknown>;
    for (const value of Object.values(module)) if (isDescriptor(value)) found.push(value);
  }
  return found;
}

async function nb201(): Promise<Benchmark> {
  const exported = (await import('@jahskit/benchmarks')) as Record<string, unknown>;
  const file = join(root, 'packages', 'benchmarks', 'src', 'nb201', 'nb201Module.ts');
  const direct = existsSync(file) ? ((await import(file)) as Record<string, unknown>) : {};
  const descriptor = [...Object.values(exported), ...Object.values(direct)].find((v) => (v as { id?: unknown } | null)?.id === 'nb201' && typeof (v as { create?: unknown }).create === 'function') as BenchmarkDescriptor | undefined;
  if (descriptor === undefined) throw new Error('the nb201 benchmark is not available');
  return descriptor.create(validateOptions(descriptor.options, { instance: 'cifar10', objectives: ['valid_error', 'params_mb'], noise: 'mean' }, 'benchmark "nb201"'), { env: process.env });
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

async function main(): Promise<void> {
  const benchmark = await nb201();
  const front = benchmark.optimum!.paretoFronts!.find((f) => f.objectives[1] === 'params_mb')!;
  const reference = front.referencePoint!;
  const names = front.objectives;
  const trueHv = hypervolume(Float64Array.from(front.points.flat()), 2, reference);
  const top = benchmark.fidelitySpace.defaultConfiguration();
  const hvOf = (records: readonly TrialRecord[]): number => {
    const rows: number[] = [];
    for (const r of records) {
      if (r.status !== 'ok' || Object.keys(top).some((k) => r.trial.fidelity[k] !== top[k])) continue;
      for (const n of names) rows.push(r.objectives[n]!);
    }
    return hypervolume(Float64Array.from(rows), 2, reference) / trueHv;
  };
  const context = (seed: number) => ({ space: benchmark.space, fidelitySpace: benchmark.fidelitySpace, objectives: benchmark.objectives, seed, cheapObjectives: benchmark.cheapMetrics!.bind(benchmark) });
  // Random search's simulated time at the checkpoint and at the end, per seed: the budgets of the multi-fidelity methods.
  const times: { early: number; end: number }[] = [];
  const rsDescriptor = (await descriptorsIn('rs')).find((d) => d.id === 'rs')!;
  for (let seed = 0; seed < seeds; seed++) {
    const run = await simulate({ benchmark, optimizer: rsDescriptor.create({}, context(seed)), seed, budget: { evaluations } });
    times.push({ early: run.records[checkpoint - 1]!.end!, end: run.simulatedSeconds });
  }
  const wanted = process.env['JAHSKIT_OPTIMIZERS']?.split(',');
  const rows: { label: string; early: number[]; late: number[]; seconds: number; mf: boolean }[] = [];
  for (const candidate of CANDIDATES) {
    if (wanted !== undefined && !wanted.includes(candidate.id)) continue;
    const descriptor = (await descriptorsIn(candidate.folder)).find((d) => d.id === candidate.id);
    if (descriptor === undefined) {
      console.log(`skip ${candidate.id}: no descriptor in src/${candidate.folder}`);
      continue;
    }
    const options = validateOptions(descriptor.options, candidate.options, `optimizer "${descriptor.id}"`);
    const mf = descriptor.capabilities.multiFidelity;
    const early: number[] = [];
    const late: number[] = [];
    const started = performance.now();
    for (let seed = 0; seed < seeds; seed++) {
      const optimizer = descriptor.create(options, context(seed));
      const budget = mf ? { simulatedSeconds: times[seed]!.end } : { evaluations };
      const run = await simulate({ benchmark, optimizer, seed, budget });
      const cut = mf ? run.records.filter((r) => r.end! <= times[seed]!.early) : run.records.slice(0, checkpoint);
      early.push(hvOf(cut));
      late.push(hvOf(run.records));
    }
    const seconds = (performance.now() - started) / 1000;
    const label = candidate.label ?? candidate.id;
    rows.push({ label, early, late, seconds, mf });
    console.log(`${label}: median HV ratio ${median(early).toFixed(4)} @${checkpoint}, ${median(late).toFixed(4)} @${evaluations} (${seconds.toFixed(1)} s)`);
  }
  const pct = (x: number): string => `${(100 * x).toFixed(2)}%`;
  const lines = [
    '# NAS-Bench-201 CIFAR-10: validation error vs parameters',
    '',
    `Hypervolume of the 200-epoch results (validation error %, parameters MB; both minimised) as a fraction of the true Pareto front's (${trueHv.toFixed(4)}), reference point (${reference.map((r) => r.toFixed(4)).join(', ')}) = 1.1 x the front's componentwise maximum. ${seeds} seeds (0..${seeds - 1}), one worker, noise-free (seed-mean) table.`,
    `Full-fidelity methods: ${checkpoint} and ${evaluations} evaluations. Multi-fidelity methods (marked MF): the simulated time random search needs for ${checkpoint} and ${evaluations} evaluations with the same seed; only their 200-epoch results count.`,
    `Targets: median >= 97% at ${checkpoint} and >= 99% at ${evaluations}.`,
    '',
    `| optimizer | median @${checkpoint} | mean @${checkpoint} | min @${checkpoint} | median @${evaluations} | mean @${evaluations} | min @${evaluations} | meets 97% / 99% | wall-clock (all seeds) |`,
    '|---|---|---|---|---|---|---|---|---|',
    ...rows.map((r) => `| ${r.label}${r.mf ? ' (MF)' : ''} | ${pct(median(r.early))} | ${pct(mean(r.early))} | ${pct(Math.min(...r.early))} | ${pct(median(r.late))} | ${pct(mean(r.late))} | ${pct(Math.min(...r.late))} | ${median(r.early) >= 0.97 ? 'yes' : 'no'} / ${median(r.late) >= 0.99 ? 'yes' : 'no'} | ${r.seconds.toFixed(0)} s |`),
    '',
    'Command: `npx tsx --conditions=@jahskit/source packages/optimizers/experiments/nb201-multi-objective.ts` (2-core sandbox shared with other jobs, Node 20, 2026-11-24).',
    '',
  ];
  writeFileSync(out, lines.join('\n'));
  console.log(`wrote ${out}`);
}

await main();
