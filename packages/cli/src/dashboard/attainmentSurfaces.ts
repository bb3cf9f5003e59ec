import type { Objective } from '@jahskit/core';
import { attainmentSurface2d } from '@jahskit/multiobjective';
import { isFullFidelity } from '../analysis/isFullFidelity';
import type { LiveRun } from './LiveRun';
import type { SurfaceSeries } from './paretoTrialsChartSpec';

/** The levels drawn: the share of an optimizer's runs that attain a surface. */
const LEVELS = [
  { level: 'median', share: 0.5 },
  { level: '25%', share: 0.25 },
  { level: '75%', share: 0.75 },
] as const;

/**
 * Each optimizer's median and quartile attainment surfaces over its runs (seeds) on the first two
 * objectives, from every ok full-fidelity trial: what half (a quarter, three quarters) of its runs
 * reached, where the report's pooled front shows only what the luckiest seed reached. Drawn for an
 * optimizer with at least two runs; a level that needs as many runs as another is drawn once.
 */
export function attainmentSurfaces(runs: readonly LiveRun[], objectives: readonly [Objective, Objective]): SurfaceSeries[] {
  const signs = objectives.map((o) => (o.direction === 'maximize' ? -1 : 1)) as [number, number];
  const byOptimizer = new Map<string, Float64Array[]>();
  for (const { header, records } of runs) {
    const points: number[] = [];
    for (const r of records) {
      const a = r.objectives[objectives[0].name];
      const b = r.objectives[objectives[1].name];
      if (r.status !== 'ok' || !isFullFidelity(r.fidelity, header.fullFidelity) || !Number.isFinite(a) || !Number.isFinite(b)) continue;
      points.push(signs[0] * (a as number), signs[1] * (b as number));
    }
    const sets = byOptimizer.get(header.optimizer);
    if (sets === undefined) byOptimizer.set(header.optimizer, [Float64Array.from(points)]);
    else sets.push(Float64Array.from(points));
  }
  const surfaces: SurfaceSeries[] = [];
  for (const [optimizer, sets] of byOptimizer) {
    if (sets.length < 2) continue;
    const drawn = new Set<number>();
    for (const { level, share } of LEVELS) {
      const k = Math.max(1, Math.ceil(share * sets.length - 1e-9));
      if (drawn.has(k)) continue;
      drawn.add(k);
      const corners = attainmentSurface2d(sets, k);
      const points: [number, number][] = [];
      for (let i = 0; i < corners.length; i += 2) points.push([signs[0] * corners[i]!, signs[1] * corners[i + 1]!]);
      if (points.length > 0) surfaces.push({ optimizer, level, points });
    }
  }
  return surfaces;
}
