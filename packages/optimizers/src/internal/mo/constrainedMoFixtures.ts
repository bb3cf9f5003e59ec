import {
  validateOptions,
  type Configuration,
  type Constraint,
  type JsonValue,
  type Observation,
  type Optimizer,
  type OptimizerContext,
  type OptimizerDescriptor,
  type SearchSpace,
  type Trial,
} from '@jahskit/core';
import { ConfigurationSpace, float, integer } from '@jahskit/spaces';

/**
 * A bi-objective problem whose Pareto front is half infeasible, for the constraint tests of the
 * multi-objective optimizers: minimise f1 = x1 and f2 = 1 - sqrt(x1) + x2 + x3 over [0, 1]^3 (front:
 * x2 = x3 = 0, x1 anywhere in [0, 1]) subject to x1 >= 0.5. An optimizer that ignores the constraint
 * keeps the whole front, half of it infeasible; one that handles it keeps the feasible half.
 */
export const HALF_FRONT_SPACE: SearchSpace = new ConfigurationSpace({
  name: 'half-front',
  parameters: [float('x1', 0, 1), float('x2', 0, 1), float('x3', 0, 1)],
});

/** Epochs 1..27 (the objectives do not depend on them), for the multi-fidelity optimizers. */
const HALF_FRONT_EPOCHS: SearchSpace = new ConfigurationSpace({ name: 'epochs', parameters: [integer('epoch', 1, 27, { default: 27 })] });

const NO_FIDELITY: SearchSpace = new ConfigurationSpace({ name: 'none', parameters: [] });

/** The constraint as a study hands it to an optimizer (which only counts constraints). */
const HALF_FRONT_CONSTRAINT: Constraint = { expression: 'x1 >= 0.5', uses: ['x1'], value: (v) => 0.5 - (v['x1'] as number) };

/** Whether the half-front task has its constraint (default) and a fidelity (default: none). */
export interface HalfFrontSettings {
  readonly constrained?: boolean;
  readonly fidelity?: boolean;
}

/** The plugin's optimizer on the half-front task, its `options` validated as a study does. */
export function halfFrontOptimizer(descriptor: OptimizerDescriptor, options: unknown, seed: number, settings: HalfFrontSettings = {}): Optimizer {
  return descriptor.create(validateOptions(descriptor.options, options, descriptor.id), halfFrontContext(seed, settings));
}

export function halfFrontContext(seed: number, options: HalfFrontSettings = {}): OptimizerContext {
  return {
    space: HALF_FRONT_SPACE,
    fidelitySpace: options.fidelity === true ? HALF_FRONT_EPOCHS : NO_FIDELITY,
    objectives: [
      { name: 'f1', direction: 'minimize', cheap: false },
      { name: 'f2', direction: 'minimize', cheap: false },
    ],
    seed,
    ...(options.constrained !== false ? { constraints: [HALF_FRONT_CONSTRAINT] } : {}),
  };
}

export function halfFrontViolation(config: Configuration): number {
  return 0.5 - (config['x1'] as number);
}

/**
 * The observation of a trial. `rejectInfeasible`: an infeasible trial comes back as a study's
 * cheap-constraint check returns it (failed, no values, its constraint value known).
 */
export function halfFrontObservation(trial: Trial, rejectInfeasible = false): Observation {
  const { x1, x2, x3 } = trial.config as Record<string, number>;
  const c = halfFrontViolation(trial.config);
  if (rejectInfeasible && c > 0) return { trial, status: 'failed', values: [], metrics: {}, cost: 0, constraints: [c] };
  return { trial, status: 'ok', values: [x1!, 1 - Math.sqrt(x1!) + x2! + x3!], metrics: {}, cost: 1, constraints: [c] };
}

/**
 * Asks up to `batch` trials at a time and tells them all, until `evaluations` trials; returns the
 * trials asked, in order (an optimizer that proposes nothing ends the run early).
 */
export function driveHalfFront(
  optimizer: Optimizer,
  evaluations: number,
  options: { readonly batch?: number; readonly rejectInfeasible?: boolean } = {},
): Trial[] {
  const asked: Trial[] = [];
  while (asked.length < evaluations) {
    const trials = optimizer.ask(Math.min(options.batch ?? 1, evaluations - asked.length));
    if (trials.length === 0) break;
    asked.push(...trials);
    optimizer.tell(trials.map((t) => halfFrontObservation(t, options.rejectInfeasible)));
  }
  return asked;
}

/** How many of `trials` after the first `skip` are feasible. */
export function feasibleTrials(trials: readonly Trial[], skip = 0): number {
  return trials.slice(skip).filter((t) => halfFrontViolation(t.config) <= 0).length;
}

/** A saved state as an optimizer saved it before constraints: every constraint field removed. */
export function withoutConstraintFields(state: JsonValue): JsonValue {
  if (Array.isArray(state)) return state.map(withoutConstraintFields);
  if (typeof state !== 'object' || state === null) return state;
  const out: Record<string, JsonValue> = {};
  for (const [key, value] of Object.entries(state))
    if (!['constraints', 'rejected', 'violations', 'trainedRejected'].includes(key)) out[key] = withoutConstraintFields(value as JsonValue);
  return out;
}

/**
 * Runs `make(context)` for `first` trials, restores its JSON state into a fresh optimizer, and runs
 * both for `then` more trials; returns both continuations (which should be equal).
 */
export function continueAfterRestore(
  make: () => Optimizer,
  first: number,
  then: number,
  options: { readonly batch?: number; readonly rejectInfeasible?: boolean } = {},
): { original: Trial[]; resumed: Trial[] } {
  const original = make();
  driveHalfFront(original, first, options);
  const resumed = make();
  resumed.restore(JSON.parse(JSON.stringify(original.state())) as JsonValue);
  return { original: driveHalfFront(original, then, options), resumed: driveHalfFront(resumed, then, options) };
}
