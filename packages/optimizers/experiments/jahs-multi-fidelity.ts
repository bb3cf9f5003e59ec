/**
 * Acceptance experiment (not part of `npm test`): multi-fidelity optimizers against random search on
 * JAHS-Bench-201 (CIFAR-10, joint space, objective valid_error) at equal simulated time. The budget is
 * the simulated time of ~100 full-fidelity evaluations (100 x the median cost of full training over
 * 64 prior draws). Writes docs/experiments/jahs-multi-fidelity.md.
 *
 *   npx tsx --conditions=@jahskit/source packages/optimizers/experiments/jahs-multi-fidelity.ts
 *
 * Environment: JAHSKIT_SEEDS (10), JAHSKIT_FULL_EVALUATIONS (100), JAHSKIT_RUNS (labels separated by ';', default all),
 * JAHSKIT_BENCHMARK=hartmann6 (the fallback: synthetic Hartmann-6 with epoch 1..81, when jahs cannot be loaded).
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Rng, simulate, type Benchmark, type Optimizer } from '@jahskit/core';
import { createBenchmark, createOptimizer, envNumber } from './experimentHarness';

const seeds = envNumber('JAHSKIT_SEEDS', 10);
const fullEvaluations = envNumber('JAHSKIT_FULL_EVALUATIONS', 100);
const only = process.env['JAHSKIT_RUNS']?.split(';');

interface Run {
  readonly label: string;
  readonly id: string;
  readonly options: Record<string, unknown>;
  readonly workers: number;
}

const RUNS: readonly Run[] = [
  { label: 'rs', id: 'rs', options: {}, workers: 1 },
  { label: 'sh (epoch)', id: 'sh', options: { fidelity: 'epoch' }, workers: 1 },
  { label: 'hyperband (epoch)', id: 'hyperband', options: { fidelity: 'epoch' }, workers: 1 },
  { label: 'hyperband (diagonal)', id: 'hyperband', options: { fidelity: ['epoch', 'N', 'W', 'Resolution'] }, workers: 1 },
  { label: 'bohb (epoch)', id: 'bohb', options: { fidelity: 'epoch' }, workers: 1 },
  { label: 'dehb (epoch)', id: 'dehb', options: { fidelity: 'epoch' }, workers: 1 },
  { label: 'rs, 4 workers', id: 'rs', options: {}, workers: 4 },
  { label: 'asha (epoch), 4 workers', id: 'asha', options: { fidelity: 'epoch' }, workers: 4 },
];

const synthetic = process.env['JAHSKIT_BENCHMARK'] === 'hartmann6';
async function loadBenchmark(): Promise<Benchmark> {
  if (synthetic) return createBenchmark('synthetic', { instance: 'hartmann6', maxEpoch: 81 });
  return createBenchmark('jahs', { objectives: ['valid_error'], variant: 'joint' });
}
const benchmark = await loadBenchmark();
const objective = benchmark.objectives[0]!.name;
const top = benchmark.fidelitySpace.defaultConfiguration();

// The budget: ~100 full trainings of a typical configuration.
const probe = Rng.seeded(12345);
const probes = await benchmark.evaluate(Array.from({ length: 64 }, (_, i) => ({ config: benchmark.space.sample(probe.stream(i)), fidelity: top, seed: i })));
const costs = probes.map((e) => e.cost).sort((a, b) => a - b);
const medianFullCost = ((costs[31] as number) + (costs[32] as number)) / 2;
const seconds = fullEvaluations * medianFullCost;
console.log(`median full-fidelity cost ${medianFullCost.toFixed(0)} s; budget ${seconds.toExponential(3)} simulated s`);

const make = (run: Run, seed: number): Optimizer => createOptimizer(run, benchmark, seed);

const sameFidelity = (a: Readonly<Record<string, unknown>>): boolean => Object.keys(top).every((k) => a[k] === top[k]);
const checkpoints = [0.25, 0.5, 1] as const;

interface Result {
  readonly label: string;
  readonly workers: number;
  /** Per seed, best full-fidelity valid_error at each checkpoint (NaN when none yet). */
  readonly best: number[][];
  readonly trials: number[];
  readonly fullTrials: number[];
  readonly wallSeconds: number;
}

const results: Result[] = [];
for (const run of RUNS) {
  if (only !== undefined && !only.includes(run.label)) continue;
  if (synthetic && run.label.includes('diagonal')) continue;
  const started = performance.now();
  const best: number[][] = [];
  const trials: number[] = [];
  const fullTrials: number[] = [];
  for (let seed = 0; seed < seeds; seed++) {
    const result = await simulate({ benchmark, optimizer: make(run, seed), seed, workers: run.workers, budget: { simulatedSeconds: seconds } });
    const full = result.records.filter((r) => r.status === 'ok' && sameFidelity(r.trial.fidelity));
    best.push(checkpoints.map((c) => Math.min(...full.filter((r) => (r.end as number) <= c * seconds).map((r) => r.objectives[objective] as number))));
    trials.push(result.records.length);
    fullTrials.push(full.length);
  }
  const wallSeconds = (performance.now() - started) / 1000;
  results.push({ label: run.label, workers: run.workers, best, trials, fullTrials, wallSeconds });
  const finals = best.map((b) => b[2] as number);
  writeReport();
  console.log(`${run.label.padEnd(26)} mean best ${mean(finals).toFixed(3)} ± ${stderr(finals).toFixed(3)}  trials ${mean(trials).toFixed(0)}  (${wallSeconds.toFixed(0)} s)`);
}

function mean(xs: readonly number[]): number {
  const finite = xs.filter(Number.isFinite);
  return finite.reduce((a, b) => a + b, 0) / finite.length;
}
function stderr(xs: readonly number[]): number {
  const finite = xs.filter(Number.isFinite);
  const m = mean(finite);
  return Math.sqrt(finite.reduce((a, b) => a + (b - m) ** 2, 0) / Math.max(1, finite.length - 1) / finite.length);
}
function fmt(xs: readonly number[]): string {
  const missing = xs.filter((x) => !Number.isFinite(x)).length;
  return `${mean(xs).toFixed(3)} ± ${stderr(xs).toFixed(3)}${missing > 0 ? ` (${missing} seeds none yet)` : ''}`;
}

function reference(workers: number): Result | undefined {
  return results.find((r) => r.label.startsWith('rs') && r.workers === workers);
}

/** Writes the markdown table of the runs so far (after each optimizer, so a long run leaves partial results). */
function writeReport(): void {
  const header = synthetic
    ? [
        '# Multi-fidelity optimizers at equal simulated time (fallback: synthetic Hartmann-6)',
        '',
        '**jahs could not be loaded when this was run, so this is the fallback task:** synthetic Hartmann-6 with an `epoch`',
        'fidelity 1..81 (lower epochs lower alpha by 0.1 (1 - z), Kandasamy et al. 2017), objective `y`.',
        'Generated by `JAHSKIT_BENCHMARK=hartmann6 npx tsx --conditions=@jahskit/source packages/optimizers/experiments/jahs-multi-fidelity.ts`',
        `(2-core sandbox, Node ${process.versions.node}, 2026-11-24), simulated continuation.`,
      ]
    : [
        '# JAHS-Bench-201: multi-fidelity optimizers at equal simulated time',
        '',
        'Generated by `npx tsx --conditions=@jahskit/source packages/optimizers/experiments/jahs-multi-fidelity.ts`',
        `(2-core sandbox, Node ${process.versions.node}, 2026-11-24). Benchmark: \`jahs\` (CIFAR-10, joint space, early XGBoost`,
        'surrogate in ONNX, objective `valid_error` in %), simulated continuation (a promoted trial is charged only its extra epochs).',
      ];
  const lines = [
    ...header,
    '',
    `Budget: ${fullEvaluations} x the median full-fidelity cost of 64 prior draws (${medianFullCost.toFixed(0)} simulated s) =`,
    `${seconds.toExponential(3)} simulated seconds, ${seeds} seeds (0..${seeds - 1}). "Best" is the lowest \`valid_error\` among trials evaluated`,
    `at full fidelity (${JSON.stringify(top)}) and finished by the checkpoint; mean ± standard error over seeds.`,
    synthetic
      ? 'Multi-fidelity runs use eta 3 over `epoch` 1..81 (rungs 1, 3, 9, 27, 81).'
      : 'Multi-fidelity runs use eta 3 over `epoch` 1..200 (rungs 2, 7, 22, 67, 200 epochs) unless marked "diagonal": all four fidelities move together (epoch 2..200 geometric, N/W/Resolution stepping through their sequences).',
    '',
    '| optimizer | workers | best at 25% | best at 50% | best at 100% | wins vs rs (same workers, 100%) | trials | full-fidelity trials | wall s |',
    '|---|---|---|---|---|---|---|---|---|',
    ...results.map((r) => {
      const ref = reference(r.workers);
      const wins = ref === undefined || ref === r ? '—' : `${r.best.filter((b, i) => (b[2] as number) < (ref.best[i]?.[2] as number)).length}/${seeds}`;
      return `| ${r.label} | ${r.workers} | ${fmt(r.best.map((b) => b[0] as number))} | ${fmt(r.best.map((b) => b[1] as number))} | ${fmt(r.best.map((b) => b[2] as number))} | ${wins} | ${mean(r.trials).toFixed(0)} | ${mean(r.fullTrials).toFixed(1)} | ${r.wallSeconds.toFixed(0)} |`;
    }),
    '',
  ];
  const out = fileURLToPath(new URL('../../../docs/experiments/jahs-multi-fidelity.md', import.meta.url));
  writeFileSync(out, `${lines.join('\n')}\n`);
  console.log(`wrote ${out}`);
}
