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
 * JAHSKIT_EVALUATIONS (1000), JAHSKIT_CHECKPOINT (300), JAHSKIT_NO_WRITE=1 (print only).
 *
 * Budgets: full-fidelity methods get 1,000 evaluations and are read after 300 and 1,000. The
 * multi-fidelity ones (mobohb, shemoa) get the same simulated time as random search spends on 300
 * and 1,000 evaluations with the same seed ("full-evaluation equivalents"), and only their
 * 200-epoch results count towards the hypervolume.
 */
import { simulate, type TrialRecord } from '@jahskit/core';
import { hypervolume } from '@jahskit/multiobjective';
import { createBenchmark, createOptimizer, envNumber, mean, median, registry, selectCandidates, writeReport, type Candidate } from './experimentHarness';

const seeds = envNumber('JAHSKIT_SEEDS', 10);
const evaluations = envNumber('JAHSKIT_EVALUATIONS', 1000);
const checkpoint = envNumber('JAHSKIT_CHECKPOINT', 300);

const CANDIDATES: readonly Candidate[] = [
  { id: 'rs', options: {} },
  { id: 'nsga2', options: {} },
  { id: 'nsga2', options: { population: 20 }, label: 'nsga2 (population 20)' },
  { id: 'smsemoa', options: {} },
  { id: 'motpe', options: {} },
  { id: 'parego', options: {} },
  { id: 'msehvi', options: {} },
  { id: 'mobananas', options: {} },
  { id: 'bulkcut', options: {} },
  { id: 'shemoa', options: {} },
  { id: 'mobohb', options: {} },
];

async function main(): Promise<void> {
  const benchmark = await createBenchmark('nb201', { instance: 'cifar10', objectives: ['valid_error', 'params_mb'], noise: 'mean' });
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
  // Random search's simulated time at the checkpoint and at the end, per seed: the budgets of the multi-fidelity methods.
  const times: { early: number; end: number }[] = [];
  for (let seed = 0; seed < seeds; seed++) {
    const run = await simulate({ benchmark, optimizer: createOptimizer({ id: 'rs', options: {} }, benchmark, seed), seed, budget: { evaluations } });
    times.push({ early: run.records[checkpoint - 1]!.end!, end: run.simulatedSeconds });
  }
  const rows: { label: string; early: number[]; late: number[]; seconds: number; mf: boolean }[] = [];
  for (const candidate of selectCandidates(CANDIDATES)) {
    const mf = registry.get('optimizer', candidate.id).capabilities.multiFidelity;
    const early: number[] = [];
    const late: number[] = [];
    const started = performance.now();
    for (let seed = 0; seed < seeds; seed++) {
      const optimizer = createOptimizer(candidate, benchmark, seed);
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
  writeReport('nb201-multi-objective', lines.join('\n'));
}

await main();
