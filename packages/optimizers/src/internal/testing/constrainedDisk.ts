import type { Configuration, Constraint, JsonValue, Observation, Optimizer, OptimizerContext, SearchSpace, Trial } from '@jahskit/core';
import { ConfigurationSpace, float, integer } from '@jahskit/spaces';
import { expect, test } from 'vitest';
import { RandomSearch } from '../../rs/RandomSearch';
import { expectBeatsRandomSearch, type BeatsRandomSearchResult } from './expectBeatsRandomSearch';

/**
 * A constrained problem whose unconstrained optimum is infeasible, for the constraint tests of the
 * model-based optimizers: minimise x + y over [0, 1]^2 (optimum at the origin) subject to lying in the
 * disk of radius 0.2 around (0.7, 0.7), which covers about 12.6% of the square. An optimizer that
 * ignores the constraint drifts to the origin, away from the disk; one that models it concentrates
 * its proposals in or around the disk, so more of them are feasible than random search's.
 */
export const DISK_SPACE: SearchSpace = new ConfigurationSpace({ name: 'disk', parameters: [float('x', 0, 1), float('y', 0, 1)] });

/** Epochs 1..9 (the objective does not depend on them), for the multi-fidelity optimizers. */
const DISK_EPOCHS: SearchSpace = new ConfigurationSpace({ name: 'epochs', parameters: [integer('epoch', 1, 9, { default: 9 })] });

const NO_FIDELITY: SearchSpace = new ConfigurationSpace({ name: 'none', parameters: [] });

/** The disk constraint as a study hands it to an optimizer (which only counts constraints). */
const DISK_CONSTRAINT: Constraint = {
  expression: '(x - 0.7)^2 + (y - 0.7)^2 <= 0.04',
  uses: ['x', 'y'],
  value: (v) => diskViolation(v['x'] as number, v['y'] as number),
};

export function diskViolation(x: number, y: number): number {
  return (x - 0.7) ** 2 + (y - 0.7) ** 2 - 0.04;
}

export function diskContext(seed: number, options: { readonly constrained?: boolean; readonly fidelity?: boolean } = {}): OptimizerContext {
  return {
    space: DISK_SPACE,
    fidelitySpace: options.fidelity === true ? DISK_EPOCHS : NO_FIDELITY,
    objectives: [{ name: 'sum', direction: 'minimize', cheap: false }],
    seed,
    ...(options.constrained !== false ? { constraints: [DISK_CONSTRAINT] } : {}),
  };
}

export interface DiskTelling {
  /** An infeasible trial comes back as a study's cheap-constraint check returns it (failed, no value, its constraint value known). */
  readonly rejectInfeasible?: boolean;
  /** false: the study has no constraints (observations carry none). Default true. */
  readonly constrained?: boolean;
}

/** The observation of a trial on the disk problem. */
function diskObservation(trial: Trial, { rejectInfeasible = false, constrained = true }: DiskTelling = {}): Observation {
  const x = trial.config['x'] as number;
  const y = trial.config['y'] as number;
  const c = diskViolation(x, y);
  const constraints = constrained ? [c] : [];
  if (constrained && rejectInfeasible && c > 0) return { trial, status: 'failed', values: [], metrics: { x, y }, cost: 0, constraints };
  return { trial, status: 'ok', values: [x + y], metrics: { x, y }, cost: 1, constraints };
}

/**
 * Asks and tells `evaluations` trials one at a time; returns the configurations asked, in order
 * (an optimizer waiting for nothing but proposing none ends the run early).
 */
export function driveDisk(optimizer: Optimizer, evaluations: number, telling: DiskTelling = {}): Configuration[] {
  const configs: Configuration[] = [];
  while (configs.length < evaluations) {
    const trials = optimizer.ask(1);
    if (trials.length === 0) break;
    for (const trial of trials) configs.push(trial.config);
    optimizer.tell(trials.map((t) => diskObservation(t, telling)));
  }
  return configs;
}

/** How many of `configs` after the first `skip` lie in the disk. */
function feasibleCount(configs: readonly Configuration[], skip = 0): number {
  return configs.slice(skip).filter((c) => diskViolation(c['x'] as number, c['y'] as number) <= 0).length;
}

export interface DiskRunOptions {
  readonly evaluations: number;
  /** Proposals not counted (the start-up design, which is random for every optimizer). */
  readonly skip: number;
  readonly rejectInfeasible?: boolean;
  readonly seeds?: readonly number[];
  /** Give the optimizer an epoch fidelity (multi-fidelity optimizers). */
  readonly fidelity?: boolean;
  /** The baseline; default random search. A multi-fidelity optimizer compares with its own schedule on random configurations. */
  readonly baseline?: (context: OptimizerContext) => Optimizer;
}

/**
 * Asserts that `create` (given a constrained disk context) puts more of its proposals in the feasible
 * disk than random search does, under the shared beats-random-search statistic.
 */
export function expectMoreFeasibleThanRandom(create: (context: OptimizerContext) => Optimizer, options: DiskRunOptions): Promise<BeatsRandomSearchResult> {
  const fidelity = options.fidelity === true;
  return expectBeatsRandomSearch({
    create: (seed) => create(diskContext(seed, { fidelity })),
    randomSearch: (seed) => (options.baseline ?? ((context) => new RandomSearch(context)))(diskContext(seed, { fidelity })),
    score: (arm, seed) => feasibleCount(driveDisk(arm(seed), options.evaluations, { rejectInfeasible: options.rejectInfeasible === true }), options.skip),
    better: 'higher',
    ...(options.seeds !== undefined ? { seeds: options.seeds } : {}),
  });
}

/**
 * Runs `before` trials on the constrained disk, saves the state through JSON, restores it into a fresh
 * optimizer and checks that both then propose the same `after` trials. Returns the saved state.
 */
export function expectDiskRoundTrip(
  create: (context: OptimizerContext) => Optimizer,
  before: number,
  after: number,
  { rejectInfeasible = false, fidelity = false }: { readonly rejectInfeasible?: boolean; readonly fidelity?: boolean } = {},
): JsonValue {
  const original = create(diskContext(5, { fidelity }));
  driveDisk(original, before, { rejectInfeasible });
  const state = JSON.parse(JSON.stringify(original.state())) as JsonValue;
  const restored = create(diskContext(5, { fidelity }));
  restored.restore(state);
  expect(driveDisk(restored, after, { rejectInfeasible })).toEqual(driveDisk(original, after, { rejectInfeasible }));
  return state;
}

/**
 * Saves the state of an optimizer run for 10 trials on the disk without constraints (as a state saved
 * before constraints existed), restores it into one on the constrained disk and checks that it goes on
 * proposing. Returns the saved state, for checks of what it leaves out.
 */
export function expectUnconstrainedStateRestores(create: (context: OptimizerContext) => Optimizer): JsonValue {
  const plain = create(diskContext(5, { constrained: false }));
  driveDisk(plain, 10, { constrained: false });
  const state = plain.state();
  const restored = create(diskContext(5));
  restored.restore(state);
  expect(driveDisk(restored, 2)).toHaveLength(2);
  return state;
}

/**
 * Registers the two feasibility claims of a constrained optimizer on the disk (see
 * {@link expectMoreFeasibleThanRandom}): with constraint values told, and with infeasible trials
 * rejected by a cheap constraint; `rejections` ends the second test's name, saying what they do.
 */
export function testMoreFeasibleThanRandom(create: (context: OptimizerContext) => Optimizer, options: DiskRunOptions, rejections: string): void {
  test("the unconstrained optimum is infeasible: more proposals land in the feasible disk than random search's", async () => {
    await expectMoreFeasibleThanRandom(create, options);
  });
  test(`trials rejected by a cheap constraint (failed, with their violation) ${rejections}`, async () => {
    await expectMoreFeasibleThanRandom(create, { ...options, rejectInfeasible: true });
  });
}
