import type { Objective } from '@jahskit/core';
import { countsForMetric } from '../analysis/runTrajectory';
import type { RunHeader } from '../compare/RunHeader';
import type { PlaygroundPoint } from './playgroundChartSpecs';

/** A study's run file as it arrives: its header, its chart rows and its best value so far. */
export interface StudyPoints {
  /** The header, once its line has come. */
  header(): RunHeader | undefined;
  /** The chart rows of these lines' trials (the header's line and the end line give none). */
  add(lines: readonly string[]): PlaygroundPoint[];
  /** The best value of the first objective at full fidelity so far. */
  best(): number | undefined;
  trials(): number;
}

interface TrialLine {
  readonly trial: number;
  readonly fidelity: Readonly<Record<string, number | string | boolean>>;
  readonly status: string;
  readonly objectives: Readonly<Record<string, number>>;
  readonly end?: number;
}

/** Reads the lines of one study named `label`, as the worker posts them. */
export function studyPoints(label: string): StudyPoints {
  let header: RunHeader | undefined;
  let best: number | undefined;
  let count = 0;
  return {
    header: () => header,
    best: () => best,
    trials: () => count,
    add(lines) {
      const points: PlaygroundPoint[] = [];
      for (const line of lines) {
        const parsed = JSON.parse(line) as { run?: RunHeader } & Partial<TrialLine>;
        if (parsed.run !== undefined) header = parsed.run;
        if (header === undefined || parsed.trial === undefined) continue;
        const trial = parsed as TrialLine;
        count++;
        const [first, second] = header.objectives as [Objective, Objective | undefined];
        const value = trial.objectives[first.name] as number;
        if (countsForMetric(header, trial.status, trial.fidelity, undefined) && Number.isFinite(value)) {
          if (best === undefined || (first.direction === 'maximize' ? value > best : value < best)) best = value;
        }
        const value2 = second !== undefined ? (trial.objectives[second.name] ?? null) : null;
        points.push({ study: label, trial: trial.trial, x: header.axis === 'evaluations' ? count : (trial.end ?? 0), value, best: best ?? null, value2 });
      }
      return points;
    },
  };
}
