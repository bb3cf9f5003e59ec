import type { Observation, Trial } from '@jahskit/core';
import { ConfigurationSpace, float, integer } from '@jahskit/spaces';
import { describe, expect, test } from 'vitest';
import { FidelityLadder } from './FidelityLadder';
import { RandomSampler } from './RandomSampler';
import { SynchronousBrackets } from './SynchronousBrackets';

const space = new ConfigurationSpace({ name: 'xy', parameters: [float('x', 0, 1), float('y', 0, 1)] });
const epochs = new ConfigurationSpace({ name: 'epochs', parameters: [integer('epoch', 1, 9, { default: 9 })] });

/** Successive halving on epochs 1, 3, 9: rungs of 9, 3 and 1 trials. */
const brackets = (): SynchronousBrackets =>
  new SynchronousBrackets(FidelityLadder.resolve(epochs, { eta: 3 }), 'successive-halving', new RandomSampler(space, 1));

/** A result with one constraint value (<= 0: satisfied); `value` undefined: failed. */
const result = (trial: Trial, value: number | undefined, constraint = 0): Observation => ({
  trial,
  status: value === undefined ? 'failed' : 'ok',
  values: value === undefined ? [] : [value],
  metrics: {},
  cost: 1,
  constraints: [constraint],
});

/** Restores `scheduler`'s state into a fresh one, through JSON. */
const resumed = (scheduler: SynchronousBrackets): SynchronousBrackets => {
  const copy = brackets();
  copy.restore(copy.stateSchema.parse(JSON.parse(JSON.stringify(scheduler.state()))));
  return copy;
};

describe('SynchronousBrackets with constraints', () => {
  test('promotes by standing at the rung: feasible by value, then infeasible by violation, never failed', () => {
    const scheduler = brackets();
    const rung0 = scheduler.ask(9);
    expect(rung0).toHaveLength(9);
    // The three lowest values break the constraint; trial 8 failed.
    scheduler.tell(rung0.map((t, i) => (i === 8 ? result(t, undefined, 5) : result(t, i, i < 3 ? 1 : -1))));
    for (const s of [scheduler, resumed(scheduler)]) expect(s.ask(3).map((t) => t.continues)).toEqual([3, 4, 5]);
  });

  test('fills a rung with the least infeasible when too few are feasible; a later rung ranks at its own fidelity', () => {
    const scheduler = brackets();
    const rung0 = scheduler.ask(9);
    const violations = [3, 0.5, 2, 0.1, -1, 4, 6, 7, 8];
    scheduler.tell(rung0.map((t, i) => result(t, -i, violations[i])));
    const rung1 = scheduler.ask(3);
    expect(rung1.map((t) => t.continues)).toEqual([4, 3, 1]);
    // At rung 1 the formerly feasible trial breaks the constraint and the least infeasible satisfies it.
    scheduler.tell([result(rung1[0]!, 0, 1), result(rung1[1]!, 5, -1), result(rung1[2]!, 9, 2)]);
    expect(
      resumed(scheduler)
        .ask(1)
        .map((t) => t.continues),
    ).toEqual([rung1[1]!.id]);
    expect(scheduler.ask(1).map((t) => t.continues)).toEqual([rung1[1]!.id]);
  });

  test('a state saved before constraints (entries without a violation) restores as feasible', () => {
    const scheduler = brackets();
    const rung0 = scheduler.ask(9);
    scheduler.tell(rung0.map((t, i) => result(t, 9 - i)));
    const saved = JSON.parse(JSON.stringify(scheduler.state())) as { current: { rungs: unknown[][][] } };
    expect(saved.current.rungs[0]!.every((entry) => entry.length === 3)).toBe(true);
    const copy = brackets();
    copy.restore(copy.stateSchema.parse(saved));
    expect(copy.ask(3).map((t) => t.continues)).toEqual([8, 7, 6]);
  });
});
