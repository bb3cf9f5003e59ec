/**
 * Acceptance experiment (not part of `npm test`): the multi-objective optimizers on JAHS-Bench-201
 * (CIFAR-10 surrogate, joint space), objectives validation error (%) and latency (s), one worker,
 * 10 seeds, equal simulated time. Writes docs/experiments/jahs-multi-objective.md.
 *
 *   npx tsx --conditions=@jahskit/source packages/optimizers/experiments/jahs-multi-objective.ts
 *
 * Environment: JAHSKIT_OPTIMIZERS=rs,nsga2,... (default: all), JAHSKIT_SEEDS (10),
 * JAHSKIT_FULL_EVALUATIONS (200: the simulated-time budget in median full-fidelity evaluations of
 * random configurations),.
 *
 * Reference point: (50 %, 4 s), fixed; about the 95th percentile of each objective over 500 random
 * configurations at full fidelity (N 5, W 16, Resolution 1, 200 epochs), so that ordinary networks
 * count and the surrogate's degenerate ones (100 % error) do not. Only full-fidelity results count.
 * Multi-fidelity methods schedule the `epoch` fidelity (the other fidelities stay at their maximum).
 */
import { simulate, type TrialRecord } from '@jahskit/core';
import { hypervolume } from '@jahskit/multiobjective';
import { createBenchmark, createOptimizer, envNumber, mean, registry, selectCandidates, standardError, writeReport, type Candidate } from './experimentHarness';

const seeds = envNumber('JAHSKIT_SEEDS', 10);
const fullEvaluations = envNumber('JAHSKIT_FULL_EVALUATIONS', 200);
const REFERENCE = [50, 4];
/** Median simulated cost (s) of a random configuration at full fidelity (500 draws, seed 1). */
const MEDIAN_FULL_COST = 212_461.6;

const CANDIDATES: readonly Candidate[] = [
  { id: 'rs', options: {} },
  { id: 'nsga2', options: { population: 20 } },
  { id: 'smsemoa', options: { population: 20 } },
  { id: 'motpe', options: {} },
  { id: 'parego', options: {} },
  { id: 'msehvi', options: {} },
  { id: 'mobananas', options: {} },
  { id: 'bulkcut', options: {} },
  { id: 'shemoa', options: { fidelity: 'epoch' } },
  { id: 'mobohb', options: { fidelity: 'epoch' } },
];

async function main(): Promise<void> {
  const benchmark = await createBenchmark('jahs', { objectives: ['valid_error', 'latency'], variant: 'joint' });
  const names = benchmark.objectives.map((o) => o.name);
  const top = benchmark.fidelitySpace.defaultConfiguration();
  const budget = fullEvaluations * MEDIAN_FULL_COST;
  const hvOf = (records: readonly TrialRecord[]): { hv: number; full: number } => {
    const rows: number[] = [];
    let full = 0;
    for (const r of records) {
      if (r.status !== 'ok' || Object.keys(top).some((k) => r.trial.fidelity[k] !== top[k])) continue;
      full++;
      for (const n of names) rows.push(r.objectives[n]!);
    }
    return { hv: hypervolume(Float64Array.from(rows), 2, REFERENCE), full };
  };
  const rows: { label: string; hv: number[]; full: number[]; trials: number[]; seconds: number; mf: boolean }[] = [];
  for (const candidate of selectCandidates(CANDIDATES)) {
    const hv: number[] = [];
    const full: number[] = [];
    const trials: number[] = [];
    const started = performance.now();
    for (let seed = 0; seed < seeds; seed++) {
      const optimizer = createOptimizer(candidate, benchmark, seed);
      const run = await simulate({ benchmark, optimizer, seed, budget: { simulatedSeconds: budget } });
      const r = hvOf(run.records);
      hv.push(r.hv);
      full.push(r.full);
      trials.push(run.records.length);
    }
    const seconds = (performance.now() - started) / 1000;
    const label = `${candidate.label ?? candidate.id}${Object.keys(candidate.options).length > 0 ? ` ${JSON.stringify(candidate.options)}` : ''}`;
    rows.push({ label, hv, full, trials, seconds, mf: registry.get('optimizer', candidate.id).capabilities.multiFidelity });
    console.log(`${label}: mean HV ${mean(hv).toFixed(2)} ± ${standardError(hv).toFixed(2)} (${mean(trials).toFixed(0)} trials, ${mean(full).toFixed(0)} at full fidelity; ${seconds.toFixed(1)} s)`);
  }
  const rs = rows.find((r) => r.label === 'rs');
  const lines = [
    '# JAHS-Bench-201 CIFAR-10: validation error vs latency at equal simulated time',
    '',
    `Hypervolume of the full-fidelity results (validation error %, latency s; both minimised) with the fixed reference point (${REFERENCE.join(', ')}), after ${fullEvaluations} x ${MEDIAN_FULL_COST.toFixed(0)} s of simulated time (${fullEvaluations} median full-fidelity evaluations of random configurations). ${seeds} seeds (0..${seeds - 1}), one worker, joint space. Multi-fidelity methods (MF) schedule the epoch fidelity; their lower-fidelity results do not count.`,
    '',
    '| optimizer | mean HV ± s.e. | beats rs | trials (mean) | full-fidelity trials (mean) | wall-clock (all seeds) |',
    '|---|---|---|---|---|---|',
    ...rows.map((r) => `| ${r.label}${r.mf ? ' (MF)' : ''} | ${mean(r.hv).toFixed(2)} ± ${standardError(r.hv).toFixed(2)} | ${rs === undefined || r === rs ? '-' : mean(r.hv) > mean(rs.hv) ? 'yes' : 'no'} | ${mean(r.trials).toFixed(0)} | ${mean(r.full).toFixed(0)} | ${r.seconds.toFixed(0)} s |`),
    '',
    'Command: `npx tsx --conditions=@jahskit/source packages/optimizers/experiments/jahs-multi-objective.ts` (2-core sandbox shared with other jobs, Node 20, 2026-11-24).',
    '',
  ];
  writeReport('jahs-multi-objective', lines.join('\n'));
  await (benchmark as { close?: () => Promise<void> }).close?.();
}

await main();
