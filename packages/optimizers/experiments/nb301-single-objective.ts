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
import 'reflect-metadata';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { simulate, validateOptions, type Benchmark, type BenchmarkDescriptor, type OptimizerDescriptor } from '@jahskit/core';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..', '..');
const seeds = Number(process.env['JAHSKIT_SEEDS'] ?? 10);
const evaluations = Number(process.env['JAHSKIT_EVALUATIONS'] ?? 300);

/** Optimizers compared, by plugin folder; folders that do not exist are skipped and reported. */
const CANDIDATES: readonly { readonly folder: string; readonly id: string; readonly options: Record<string, unknown>; readonly label?: string }[] = [
  { folder: 'rs', id: 'rs', options: {} },
  { folder: 're', id: 're', options: {}, label: 're (defaults: population 100, sample 25)' },
  { folder: 're', id: 're', options: { population: 20, sampleSize: 5 }, label: 're (population 20, sample 5)' },
  { folder: 'bananas', id: 'bananas', options: {} },
  { folder: 'gpbo', id: 'gpbo', options: {} },
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

async function nb301(): Promise<Benchmark> {
  const exported = (await import('@jahskit/benchmarks')) as Record<string, unknown>;
  const file = join(root, 'packages', 'benchmarks', 'src', 'nb301', 'nb301Module.ts');
  const direct = existsSync(file) ? ((await import(file)) as Record<string, unknown>) : {};
  const descriptor = [...Object.values(exported), ...Object.values(direct)].find((v) => (v as { id?: unknown } | null)?.id === 'nb301' && typeof (v as { create?: unknown }).create === 'function') as BenchmarkDescriptor | undefined;
  if (descriptor === undefined) throw new Error('the nb301 benchmark is not available yet');
  return descriptor.create(validateOptions(descriptor.options, {}, 'benchmark "nb301"'), { env: process.env });
}

const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
const standardError = (xs: readonly number[]): number => {
  const m = mean(xs);
  return Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1) / xs.length);
};
const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 === 1 ? (s[(s.length - 1) / 2] as number) : ((s[s.length / 2 - 1] as number) + (s[s.length / 2] as number)) / 2;
};

async function main(): Promise<void> {
  const benchmark = await nb301();
  const objective = benchmark.objectives[0]!;
  const wanted = process.env['JAHSKIT_OPTIMIZERS']?.split(',');
  const rows: { label: string; finals: number[]; at100: number[]; seconds: number }[] = [];
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
    const at100: number[] = [];
    const started = performance.now();
    for (let seed = 0; seed < seeds; seed++) {
      const optimizer = descriptor.create(options, { space: benchmark.space, fidelitySpace: benchmark.fidelitySpace, objectives: benchmark.objectives, seed });
      const run = await simulate({ benchmark, optimizer, seed, budget: { evaluations } });
      const values = run.records.map((r) => (r.status === 'ok' ? (r.objectives[objective.name] as number) : Infinity));
      const sign = objective.direction === 'minimize' ? 1 : -1;
      const bestOf = (xs: number[]): number => sign * Math.min(...xs.map((v) => sign * v));
      finals.push(bestOf(values));
      at100.push(bestOf(values.slice(0, 100)));
      if (process.env['JAHSKIT_VERBOSE'] === '1') console.log(`  ${descriptor.id} seed ${seed}: ${finals[finals.length - 1]} (${((performance.now() - started) / 1000).toFixed(1)} s so far)`);
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
    ...(skipped.length > 0 ? ['', `Not run (no plugin module when this page was generated): ${skipped.join(', ')}.`] : []),
    '',
  ];
  const text = lines.join('\n');
  console.log(text);
  if (process.env['JAHSKIT_NO_WRITE'] !== '1') writeFileSync(join(root, 'docs', 'experiments', 'nb301-single-objective.md'), text);
}

await main();
