import type { JsonValue, Optimizer } from '@jahskit/core';
import { describe, expect, test } from 'vitest';
import { driveHalfFront, feasibleTrials } from '../mo/constrainedMoFixtures';
import { expectConstrainedRestore } from './expectConstrainedRestore';

/** What a model-based multi-objective optimizer must reach on the half-infeasible front (constrainedMoFixtures). */
export interface ConstrainedMoModelCase {
  /** The optimizer on the half-front task (`halfFrontContext(seed)`). */
  readonly make: (seed: number) => Optimizer;
  /** Seed of the two proposal runs, and the fewest feasible of their 20 proposals after the first 10. */
  readonly proposals: { readonly seed: number; readonly feasible: number; readonly feasibleWhenRejected: number };
  /** Trials (seed 3, infeasible ones rejected) before the state is saved, trials replayed after it, and what the state keeps of the constraint. */
  readonly state: { readonly trials: number; readonly replay: number; readonly expectConstraintModel: (state: JsonValue) => void };
}

/**
 * The constraint tests of an optimizer that models the probability of feasibility: its proposals keep to
 * the feasible half, it learns from rejected trials (failed, constraint value known) too, and its state
 * round-trips, also as saved before constraints existed.
 */
export function describeConstrainedMoModel(title: string, { make, proposals, state }: ConstrainedMoModelCase): void {
  describe(`with constraints: ${title}, weighted by the probability of feasibility`, () => {
    test('proposals keep to the feasible half of the front', () => {
      expect(feasibleTrials(driveHalfFront(make(proposals.seed), 30), 10)).toBeGreaterThanOrEqual(proposals.feasible);
    });

    test('learns the constraint from rejected trials too', () => {
      expect(feasibleTrials(driveHalfFront(make(proposals.seed), 30, { rejectInfeasible: true }), 10)).toBeGreaterThanOrEqual(proposals.feasibleWhenRejected);
    });

    test('state round trip, and a state saved before constraints restores', () => {
      const optimizer = make(3);
      const rejected = { rejectInfeasible: true };
      driveHalfFront(optimizer, state.trials, rejected);
      state.expectConstraintModel(optimizer.state());
      expect(expectConstrainedRestore(() => make(3), optimizer, state.trials, state.replay, rejected).ask(1)).toHaveLength(1);
    });
  });
}
