import type { Configuration, Observation } from '@jahskit/core';

/** A single-objective observation for ranking tests: values `[value]` when ok (none otherwise), cost 1, of trial `id` with `config`. */
export function scalarObservation(status: Observation['status'], value: number, constraints: number[], id = 0, config: Configuration = {}): Observation {
  return { trial: { id, config, fidelity: {} }, status, values: status === 'ok' ? [value] : [], metrics: {}, cost: 1, constraints };
}
