/**
 * Acceptance experiment (not part of `npm test`): single-objective optimizers on NAS-Bench-201
 * CIFAR-10, 200 evaluations x 20 seeds, one worker. Writes docs/experiments/nb201-single-objective.md.
 *
 *   npx tsx --conditions=@jahskit/source packages/optimizers/experiments/nb201-single-objective.ts
 *
 * Environment: JAHSKIT_OPTIMIZERS=rs,re,... (default: all below), JAHSKIT_SEEDS (20),
 * JAHSKIT_EVALUATIONS (200), JAHSKIT_NB201_INSTANCE (cifar10).
 */
import { simulate } from '@jahskit/core';
import { createBenchmark, createOptimizer, envNumber, mean, selectCandidates, standardError, writeReport, type Candidate } from './experimentHarness';

const seeds = envNumber('JAHSKIT_SEEDS', 20);
const evaluations = envNumber('JAHSKIT_EVALUATIONS', 200);
const instance = process.env['JAHSKIT_NB201_INSTANCE'] ?? 'cifar10';

/** The optimizers compared, by registered id, with the options used at this 200-evaluation budget (see each docs page for why). */
const CANDIDATES: readonly Candidate[] = [
  { id: 'rs', options: {} },
  { id: 're', options: {}, label: 're (defaults: population 100, sample 25)' },
  { id: 're', options: { population: 20, sampleSize: 5 }, label: 're (population 20, sample 5)' },
  { id: 'ls', options: {} },
  { id: 'reinforce', options: {} },
  { id: 'tpe', options: {} },
  { id: 'gpbo', options: {} },
  { id: 'bananas', options: {} },
];

async function main(): Promise<void> {
  const benchmark = await createBenchmark('nb201', { instance });
  const objective = benchmark.objectives[0]!;
  const optimum = benchmark.optimum?.values[objective.name];
  const rows: { label: string; finals: number[]; seconds: number }[] = [];
  for (const candidate of selectCandidates(CANDIDATES)) {
    const finals: number[] = [];
    const started = performance.now();
    for (let seed = 0; seed < seeds; seed++) {
      const optimizer = createOptimizer(candidate, benchmark, seed);
      const run = await simulate({ benchmark, optimizer, seed, budget: { evaluations } });
      const values = run.records.filter((r) => r.status === 'ok').map((r) => r.objectives[objective.name] as number);
      finals.push(objective.direction === 'minimize' ? Math.min(...values) : Math.max(...values));
    }
    const seconds = (performance.now() - started) / 1000;
    const label = candidate.label ?? candidate.id;
    rows.push({ label, finals, seconds });
    console.log(`${label}: best ${objective.name} ${mean(finals).toFixed(3)} (${seconds.toFixed(1)} s)`);
  }
  // Regret against the table's optimum when the benchmark knows it, else against the best value any run found.
  const reference = optimum ?? (objective.direction === 'minimize' ? Math.min(...rows.flatMap((r) => r.finals)) : Math.max(...rows.flatMap((r) => r.finals)));
  const regret = (v: number): number => (objective.direction === 'minimize' ? v - reference : reference - v);
  const lines = [
    '# NAS-Bench-201 single-objective acceptance experiment',
    '',
    `Benchmark \`nb201\` (${instance}), objective \`${objective.name}\` (${objective.direction}), ${evaluations} evaluations, ${seeds} seeds (0..${seeds - 1}), one worker, asynchronous simulation.`,
    `Regret is measured against ${optimum !== undefined ? `the benchmark's known optimum (${reference})` : `the best value any run found (${reference}); the benchmark declares no optimum`}, on the values the optimizers observed.`,
    '',
    'Command: `npx tsx --conditions=@jahskit/source packages/optimizers/experiments/nb201-single-objective.ts` (2-core sandbox, Node 20, 2026-11-24).',
    '',
    '| optimizer | mean final regret | standard error | wall-clock (all seeds) |',
    '|---|---|---|---|',
    ...rows.map((r) => {
      const regrets = r.finals.map(regret);
      return `| ${r.label} | ${mean(regrets).toFixed(4)} | ${standardError(regrets).toFixed(4)} | ${r.seconds.toFixed(1)} s |`;
    }),
    '',
    'Options are each optimizer\'s defaults unless the row says otherwise. Wall-clock is the whole simulation (benchmark lookups included) for all seeds.',
    '',
  ];
  writeReport('nb201-single-objective', lines.join('\n'));
}

await main();
