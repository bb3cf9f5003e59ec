import { nonDominatedFilter } from '@jahskit/multiobjective';
import type { Objective } from '@jahskit/core';
import type { TrialTable, TrialValue } from './trialTable';

/**
 * Each optimizer's non-dominated trials at full fidelity on the first two objectives, pooled over
 * seeds (as the report's Pareto plot), each kept whole so that a hovered point shows its trial.
 */
export function paretoTrials(table: TrialTable, objectives: readonly [Objective, Objective]): Readonly<Record<string, TrialValue>>[] {
  const [a, b] = objectives.map(
    (o) => table.columns.find((c) => c.group === 'objective' && (c.name === o.name || c.name === `objective ${o.name}`))?.name ?? o.name,
  ) as [string, string];
  const signs = objectives.map((o) => (o.direction === 'maximize' ? -1 : 1)) as [number, number];
  const byOptimizer = new Map<string, Readonly<Record<string, TrialValue>>[]>();
  for (const row of table.rows) {
    if (row['status'] !== 'ok' || row['full fidelity'] !== true || !isFiniteNumber(row[a]) || !isFiniteNumber(row[b])) continue;
    const optimizer = String(row['optimizer']);
    const rows = byOptimizer.get(optimizer);
    if (rows === undefined) byOptimizer.set(optimizer, [row]);
    else rows.push(row);
  }
  const kept: Readonly<Record<string, TrialValue>>[] = [];
  for (const rows of byOptimizer.values()) {
    const points = Float64Array.from(rows.flatMap((row) => [signs[0] * (row[a] as number), signs[1] * (row[b] as number)]));
    const front = [...nonDominatedFilter(points, 2)].map((i) => rows[i] as Readonly<Record<string, TrialValue>>);
    kept.push(...front.sort((p, q) => (p[a] as number) - (q[a] as number)));
  }
  return kept;
}

function isFiniteNumber(value: TrialValue | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}
