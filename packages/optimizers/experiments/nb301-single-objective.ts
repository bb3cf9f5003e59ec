/**
 * Acceptance experiment (not part of `npm test`): single-objective optimizers on NAS-Bench-301
 * (YAHPO Gym surrogate, full fidelity), 300 evaluations x 10 seeds, one worker. The NB301 paper
 * (Siems et al. 2020, "NAS-Bench-301 and the case for surrogate benchmarks for neural architecture
 * search") reports that regularised evolution and BANANAS beat random search on this space; this
 * script checks that finding for our implementations. Writes docs/experiments/nb301-single-objective.md.
 *
 *   npx tsx --conditions=@jahskit/source packages/optimizers/experiments/nb301-single-objective.ts
 *
 * Environment: JAHSKIT_OPTIMIZERS=rs,re,... (default: all below), JAHSKIT_SEEDS (10),
 * JAHSKIT_EVALUATIONS (300), JAHSKIT_NO_WRITE=1 (print only).
 */
import { simulate } from '@jahskit/core';
import { createBenchmark, createOptimizer, envNumber, mean, median, selectCandidates, standardError, writeReport, type Candidate } from './experimentHarness';

const seeds = envNumber('JAHSKIT_SEEDS', 10);
const evaluations = envNumber('JAHSKIT_EVALUATIONS', 300);

/** Optimizers compared, by registered id. */
const CANDIDATES: readonly Candidate[] = [
  { id: 'rs', options: {} },
  { id: 're', options: {}, label: 're (defaults: population 100, sample 25)' },
  { id: 're', options: { population: 20, sampleSize: 5 }, label: 're (population 20, sample 5)' },
  { id: 'bananas', options: {} },
  { id: 'gpbo', options: {} },
];

async function main(): Promise<void> {
  const benchmark = await createBenchmark('nb301');
  const objective = benchmark.objectives[0]!;
  const rows: { label: string; finals: number[]; at100: number[]; seconds: number }[] = [];
  for (const candidate of selectCandidates(CANDIDATES)) {
    const finals: number[] = [];
    const at100: number[] = [];
    const started = performance.now();
    for (let seed = 0; seed < seeds; seed++) {
      const optimizer = createOptimizer(candidate, benchmark, seed);
      const run = await simulate({ benchmark, optimizer, seed, budget: { evaluations } });
      const values = run.records.map((r) => (r.status === 'ok' ? (r.objectives[objective.name] as number) : Infinity));
      const sign = objective.direction === 'minimize' ? 1 : -1;
      const bestOf = (xs: number[]): number => sign * Math.min(...xs.map((v) => sign * v));
      finals.push(bestOf(values));
      at100.push(bestOf(values.slice(0, 100)));
      if (process.env['JAHSKIT_VERBOSE'] === '1') console.log(`  ${candidate.id} seed ${seed}: ${finals[finals.length - 1]} (${((performance.now() - started) / 1000).toFixed(1)} s so far)`);
    }
    const seconds = (performance.now() - started) / 1000;
    const label = candidate.label ?? candidate.id;
    rows.push({ label, finals, at100, seconds });
    console.log(`${label}: best ${objective.name} ${mean(finals).toFixed(3)} +- ${standardError(finals).toFixed(3)} (${seconds.toFixed(1)} s)`);
  }
  const rs = rows.find((r) => r.label === 'rs');
  const verdict = (r: (typeof rows)[number]): string => {
    if (rs === undefined || r === rs) return '';
    const better = objective.direction === 'minimize' ? mean(r.finals) < mean(rs.finals) : mean(r.finals) > mean(rs.finals);
    return better ? 'yes' : 'no';
  };
  const lines = [
    '# NAS-Bench-301 single-objective acceptance experiment',
    '',
    `Benchmark \`nb301\` (YAHPO Gym v2 surrogate, full fidelity: epoch 98), objective \`${objective.name}\` (${objective.direction}, in percent), ${evaluations} evaluations, ${seeds} seeds (0..${seeds - 1}), one worker, asynchronous simulation.`,
    'Figures are the best value each run observed; mean and standard error over seeds.',
    '',
    'Expected (Siems et al. 2020, "NAS-Bench-301 and the case for surrogate benchmarks for neural architecture search", arXiv:2008.09777, its comparison of optimizers on the surrogate): regularised evolution and BANANAS beat random search.',
    '',
    'Command: `npx tsx --conditions=@jahskit/source packages/optimizers/experiments/nb301-single-objective.ts` (2-core sandbox shared with other jobs, Node 20, 2026-11-24).',
    '',
    `| optimizer | mean best ${objective.name} after ${evaluations} | standard error | median | mean best after 100 | beats rs | wall-clock (all seeds) |`,
    '|---|---|---|---|---|---|---|',
    ...rows.map((r) => `| ${r.label} | ${mean(r.finals).toFixed(3)} | ${standardError(r.finals).toFixed(3)} | ${median(r.finals).toFixed(3)} | ${mean(r.at100).toFixed(3)} | ${verdict(r)} | ${r.seconds.toFixed(1)} s |`),
    '',
    "Options are each optimizer's defaults unless the row says otherwise. Wall-clock includes the surrogate's ONNX evaluations.",
    '',
  ];
  writeReport('nb301-single-objective', lines.join('\n'));
}

await main();
