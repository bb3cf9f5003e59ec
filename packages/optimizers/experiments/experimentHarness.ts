/**
 * Shared plumbing of the acceptance experiments (not part of `npm test`): the registry with every
 * plugin jahskit ships (the CLI's composition root), settings from the environment, optimizer
 * creation through the registry (options validated, cheap objectives wired in), and statistics.
 */
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defaultModules } from '@jahskit/cli';
import { createRegistry, type Benchmark, type Optimizer, type PluginRegistry, optimizerContextFor } from '@jahskit/core';

export const registry: PluginRegistry = createRegistry(defaultModules());

/** An optimizer to compare: a registered id, its options, and the label of its table row. */
export interface Candidate {
  readonly id: string;
  readonly options: Readonly<Record<string, unknown>>;
  readonly label?: string;
}

/** A numeric setting from the environment, e.g. JAHSKIT_SEEDS. */
export function envNumber(name: string, fallback: number): number {
  const text = process.env[name];
  const value = text === undefined ? fallback : Number(text);
  if (!Number.isFinite(value)) throw new Error(`${name} must be a number, got "${text}"`);
  return value;
}

/** The candidates named in JAHSKIT_OPTIMIZERS (comma-separated ids), or all of them. */
export function selectCandidates<T extends Candidate>(candidates: readonly T[]): T[] {
  const wanted = process.env['JAHSKIT_OPTIMIZERS']?.split(',');
  return candidates.filter((c) => wanted === undefined || wanted.includes(c.id));
}

export function createBenchmark(id: string, options: Readonly<Record<string, unknown>> = {}): Promise<Benchmark> {
  return registry.createBenchmark(id, options, { env: process.env });
}

/** A fresh optimizer for one seeded run, exactly as `jahskit run` creates it. */
export function createOptimizer(candidate: Candidate, benchmark: Benchmark, seed: number): Optimizer {
  return registry.createOptimizer(candidate.id, candidate.options, optimizerContextFor(benchmark, seed));
}

export const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

export const standardError = (xs: readonly number[]): number => {
  const m = mean(xs);
  return Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1) / xs.length);
};

export const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const h = s.length >> 1;
  return s.length % 2 === 1 ? (s[h] as number) : ((s[h - 1] as number) + (s[h] as number)) / 2;
};

/** Writes docs/experiments/<name>.md (unless JAHSKIT_NO_WRITE=1) and prints it. */
export function writeReport(name: string, text: string): void {
  console.log(text);
  if (process.env['JAHSKIT_NO_WRITE'] === '1') return;
  writeFileSync(fileURLToPath(new URL(`../../../docs/experiments/${name}.md`, import.meta.url)), text);
}
