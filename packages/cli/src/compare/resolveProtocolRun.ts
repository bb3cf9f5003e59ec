import type { JsonValue } from '@jahskit/core';
import type { Protocol } from './Protocol';

/** The benchmark options of one run of a protocol: its options plus those that take the seed. */
export function runBenchmarkOptions(protocol: Protocol, seed: number): Record<string, JsonValue> {
  const options: Record<string, JsonValue> = { ...protocol.benchmarkOptions };
  for (const name of protocol.seedOptions ?? []) options[name] = seed;
  return options;
}

/** The protocol's budget in evaluations and simulated seconds. */
export function runBudget(protocol: Protocol): { evaluations?: number; simulatedSeconds?: number } {
  const { evaluations, simulatedSeconds, meanEvaluations } = protocol.budget;
  const fromMean = meanEvaluations !== undefined ? meanEvaluations * (protocol.meanEvaluationSeconds ?? Number.NaN) : undefined;
  const seconds = [simulatedSeconds, fromMean].filter((s): s is number => s !== undefined);
  return {
    ...(evaluations !== undefined ? { evaluations } : {}),
    ...(seconds.length > 0 ? { simulatedSeconds: Math.min(...seconds) } : {}),
  };
}
