import type { Benchmark, TrialRecord } from '@jahskit/core';
import { paretoSummary } from './paretoSummary';

/** Rows of the summary table printed after a run (label, value). */
export function summarize(benchmark: Benchmark, records: readonly TrialRecord[], simulatedSeconds: number): [string, string][] {
  const ok = records.filter((r) => r.status === 'ok');
  const rows: [string, string][] = [
    ['trials', `${records.length} (${ok.length} ok, ${records.length - ok.length} failed or diverged)`],
    ['simulated time', formatSeconds(simulatedSeconds)],
  ];
  if (benchmark.objectives.length === 1) {
    const objective = benchmark.objectives[0]!;
    const sign = objective.direction === 'maximize' ? -1 : 1;
    let best: TrialRecord | undefined;
    for (const record of ok) {
      if (best === undefined || sign * record.objectives[objective.name]! < sign * best.objectives[objective.name]!) best = record;
    }
    if (best !== undefined) {
      const value = best.objectives[objective.name]!;
      rows.push([`best ${objective.name}`, `${format(value)} (trial ${best.trial.id})`]);
      const optimum = benchmark.optimum?.values[objective.name];
      if (optimum !== undefined) rows.push(['regret', format(sign * (value - optimum))]);
      rows.push(['best configuration', JSON.stringify(best.trial.config)]);
    }
  } else {
    rows.push(...paretoSummary(benchmark, ok));
  }
  return rows;
}

export function formatTable(rows: readonly [string, string][]): string {
  const width = Math.max(...rows.map(([label]) => label.length));
  return rows.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`).join('\n');
}

export function format(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toPrecision(6);
}

function formatSeconds(seconds: number): string {
  if (seconds < 120) return `${format(seconds)} s`;
  if (seconds < 7200) return `${(seconds / 60).toFixed(1)} min (${Math.round(seconds)} s)`;
  return `${(seconds / 3600).toFixed(2)} h (${Math.round(seconds)} s)`;
}
