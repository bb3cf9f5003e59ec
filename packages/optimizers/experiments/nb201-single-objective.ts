/**
 * Acceptance experiment (not part of `npm test`): single-objective optimizers on NAS-Bench-201
 * CIFAR-10, 200 evaluations x 20 seeds, one worker. Writes docs/experiments/nb201-single-objective.md.
 *
 *   npx tsx --conditions=@jahskit/source packages/optimizers/experiments/nb201-single-objective.ts
 *
 * Environment: JAHSKIT_OPTIMIZERS=rs,re,... (default: every optimizer found), JAHSKIT_SEEDS (20),
 * JAHSKIT_EVALUATIONS (200), JAHSKIT_NB201_INSTANCE (cifar10).
 */
import 'reflect-metadata';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { simulate, validateOptions, type Benchmark, type BenchmarkDescriptor, type OptimizerDescriptor } from '@jahskit/core';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..', '..');
const seeds = Number(process.env['JAHSKIT_SEEDS'] ?? 20);
const evaluations = Number(process.env['JAHSKIT_EVALUATIONS'] ?? 200);
const instance = process.env['JAHSKIT_NB201_INSTANCE'] ?? 'cifar10';

/**
 * The optimizers compared, by plugin folder, with the options used at this 200-evaluation budget
 * (see each docs page for why). Folders that do not exist yet are skipped, so the list can name
 * optimizers that are still being written.
 */
const CANDIDATES: readonly { readonly folder: string; readonly id: string; readonly options: Record<string, unknown>; readonly label?: string }[] = [
  { folder: 'rs', id: 'rs', options: {} },
  { folder: 're', id: 're', options: {}, label: 're (defaults: population 100, sample 25)' },
  { folder: 're', id: 're', options: { population: 20, sampleSize: 5 }, label: 're (population 20, sample 5)' },
  { folder: 'ls', id: 'ls', options: {} },
  { folder: 'reinforce', id: 'reinforce', options: {} },
  { folder: 'tpe', id: 'tpe', options: {} },
  { folder: 'gpbo', id: 'gpbo', options: {} },
  { folder: 'bananas', id: 'bananas', options: {} },
];

function isDescriptor(value: unknown): value is OptimizerDescriptor {
  const v = value as Partial<OptimizerDescriptor> | null;
  return typeof v === 'object' && v !== null && typeof v.id === 'string' && typeof v.create === 'function' && typeof v.capabilities === 'object';
}

/** Descriptors exported by the `*Module.ts` files of an optimizer folder. */
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
  // Until the package index exports it, read the plugin's module file directly.
  const file = join(root, 'packages', 'benchmarks', 'src', 'nb201', 'nb201Module.ts');
  const direct = existsSync(file) ? ((await import(file)) as Record<string, unknown>) : {};
  const descriptor = [...Object.values(exported), ...Object.values(direct)].find((v) => (v as { id?: unknown } | null)?.id === 'nb201' && typeof (v as { create?: unknown }).create === 'function') as BenchmarkDescriptor | undefined;
  if (descriptor === undefined) throw new Error('the nb201 benchmark is not exported by @jahskit/benchmarks yet');
  return descriptor.create(validateOptions(descriptor.options, { instance }, 'benchmark "nb201"'), { env: process.env });
}

const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
const standardError = (xs: readonly number[]): number => {
  const m = mean(xs);
  return Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1) / xs.length);
};

async function main(): Promise<void> {
  const benchmark = await nb201();
  const objective = benchmark.objectives[0]!;
  const optimum = benchmark.optimum?.values[objective.name];
  const wanted = process.env['JAHSKIT_OPTIMIZERS']?.split(',');
  const rows: { label: string; finals: number[]; seconds: number }[] = [];
  const skipped: string[] = [];
  for (const candidate of CANDIDATES) {
    if (wanted !== undefined && !wanted.includes(candidate.id)) continue;
    const descriptor = (await descriptorsIn(candidate.folder)).find((d) => d.id === candidate.id);
    if (descriptor === undefined) {
      console.log(`skip ${candidate.id}: no descriptor in src/${candidate.folder}`);
      skipped.push(candidate.id);
      continue;
    }
    const options = validateOptions(descriptor.options, candidate.options, `optimizer "${descriptor.id}"`);
    const finals: number[] = [];
    const started = performance.now();
    for (let seed = 0; seed < seeds; seed++) {
      const optimizer = descriptor.create(options, { space: benchmark.space, fidelitySpace: benchmark.fidelitySpace, objectives: benchmark.objectives, seed });
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
    ...(skipped.length > 0 ? ['', `Not run (no plugin module when this page was generated): ${skipped.join(', ')}.`] : []),
    '',
  ];
  const text = lines.join('\n');
  console.log(text);
  if (process.env['JAHSKIT_NO_WRITE'] !== '1') writeFileSync(join(root, 'docs', 'experiments', 'nb201-single-objective.md'), text);
}

await main();
