import type { TopLevelSpec } from 'vega-lite';
import { CHART_CONFIG } from '../report/html/ChartOptions';
import { COLOR_BLIND_SAFE } from '../report/html/optimizerColorScale';

/** The name of the data set the page inserts trials into as they finish. */
export const PLAYGROUND_DATA = 'trials';

/**
 * A row of the playground's charts: one finished trial of one study. `x` is the trial's number or
 * its end in simulated seconds, as the study's budget counts; `best` the study's best value so far
 * of the first objective (at full fidelity, as the CLI's incumbent).
 */
export interface PlaygroundPoint {
  readonly study: string;
  readonly trial: number;
  readonly x: number;
  readonly value: number;
  readonly best: number | null;
  /** The second objective, for the Pareto view of multi-objective tasks. */
  readonly value2: number | null;
}

const common = {
  width: 'container',
  height: 260,
  autosize: { type: 'fit-x', contains: 'padding' },
  background: 'white',
  config: { ...CHART_CONFIG, legend: { ...CHART_CONFIG.legend, orient: 'bottom', columns: 2 } },
  data: { name: PLAYGROUND_DATA },
} as const;

// No fixed domain: studies appear as they start, each taking the palette's next colour.
const color = { field: 'study', type: 'nominal', title: 'study', scale: { range: [...COLOR_BLIND_SAFE] } } as const;

/** Each study's best value so far (a step line) over its trials' values (dots), against trials or simulated seconds. */
export function playgroundTrajectorySpec(xTitle: string, yTitle: string): TopLevelSpec {
  return {
    ...common,
    encoding: { x: { field: 'x', type: 'quantitative', title: xTitle }, color },
    layer: [
      {
        // Click a study in the legend to single it out (shift-click for several).
        params: [{ name: 'series', select: { type: 'point', fields: ['study'] }, bind: 'legend' }],
        mark: { type: 'point', filled: true, size: 14 },
        encoding: {
          y: { field: 'value', type: 'quantitative', title: yTitle, scale: { zero: false } },
          opacity: { condition: { param: 'series', value: 0.35 }, value: 0.05 },
          tooltip: [
            { field: 'study', type: 'nominal' },
            { field: 'trial', type: 'quantitative' },
            { field: 'value', type: 'quantitative', title: yTitle, format: '.5~g' },
          ],
        },
      },
      {
        transform: [{ filter: 'datum.best !== null' }],
        mark: { type: 'line', interpolate: 'step-after', strokeWidth: 2 },
        encoding: { y: { field: 'best', type: 'quantitative', title: yTitle }, opacity: { condition: { param: 'series', value: 1 }, value: 0.15 } },
      },
    ],
  } as TopLevelSpec;
}

/** The first two objectives of every trial, for tasks with two or more. */
export function playgroundParetoSpec(xTitle: string, yTitle: string): TopLevelSpec {
  return {
    ...common,
    transform: [{ filter: 'datum.value2 !== null' }],
    mark: { type: 'point', filled: true, size: 18, opacity: 0.6 },
    encoding: {
      x: { field: 'value', type: 'quantitative', title: xTitle, scale: { zero: false } },
      y: { field: 'value2', type: 'quantitative', title: yTitle, scale: { zero: false } },
      color,
      tooltip: [
        { field: 'study', type: 'nominal' },
        { field: 'trial', type: 'quantitative' },
        { field: 'value', type: 'quantitative', title: xTitle, format: '.5~g' },
        { field: 'value2', type: 'quantitative', title: yTitle, format: '.5~g' },
      ],
    },
  } as TopLevelSpec;
}
