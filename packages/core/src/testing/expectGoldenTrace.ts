import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { expect } from 'vitest';
import type { Benchmark } from '../benchmark/Benchmark';
import type { Optimizer } from '../optimizer/Optimizer';
import { simulate } from '../study/simulate';

export interface GoldenTraceOptions {
  readonly benchmark: Benchmark;
  readonly optimizer: Optimizer;
  readonly seed: number;
  readonly evaluations: number;
  readonly workers?: number;
  readonly mode?: 'async' | 'sync';
  /** Absolute path of the committed trace (JSON). */
  readonly file: string;
}

/**
 * Pins an optimizer's behaviour: runs a seeded simulation and compares the trace (ids, configurations,
 * fidelities, objectives) with the committed file. A missing file is written once outside CI; set
 * JAHSKIT_UPDATE_GOLDEN=1 to rewrite traces after an intended change of behaviour.
 */
export async function expectGoldenTrace(options: GoldenTraceOptions): Promise<void> {
  const run = await simulate({
    benchmark: options.benchmark,
    optimizer: options.optimizer,
    seed: options.seed,
    workers: options.workers ?? 1,
    mode: options.mode ?? 'async',
    budget: { evaluations: options.evaluations },
  });
  const trace = run.records.map((r) => ({
    id: r.trial.id,
    config: r.trial.config,
    fidelity: r.trial.fidelity,
    ...(r.trial.continues !== undefined ? { continues: r.trial.continues } : {}),
    status: r.status,
    objectives: r.objectives,
  }));
  const text = `${JSON.stringify(trace, null, 1)}\n`;
  const update = process.env['JAHSKIT_UPDATE_GOLDEN'] === '1';
  if (update || (!existsSync(options.file) && process.env['CI'] === undefined)) {
    mkdirSync(dirname(options.file), { recursive: true });
    writeFileSync(options.file, text);
    return;
  }
  if (!existsSync(options.file)) throw new Error(`golden trace ${options.file} is missing: run the test locally once and commit it`);
  expect(JSON.parse(text)).toEqual(JSON.parse(readFileSync(options.file, 'utf8')));
}
