import type { Observation, Trial } from '@jahskit/core';
import { ConfigurationSpace, float, integer } from '@jahskit/spaces';
import { describe, expect, test } from 'vitest';
import { AsynchronousHalving } from './AsynchronousHalving';
import { FidelityLadder } from './FidelityLadder';
import { RandomSampler } from './RandomSampler';

const space = new ConfigurationSpace({ name: 'xy', parameters: [float('x', 0, 1), float('y', 0, 1)] });
const epochs = new ConfigurationSpace({ name: 'epochs', parameters: [integer('epoch', 1, 9, { default: 9 })] });
const halving = (): AsynchronousHalving => new AsynchronousHalving(FidelityLadder.resolve(epochs, { eta: 3 }), new RandomSampler(space, 1));

/** A result with one constraint value (<= 0: satisfied). */
const result = (trial: Trial, value: number, constraint = 0): Observation => ({
  trial,
  status: 'ok',
  values: [value],
  metrics: {},
  cost: 1,
  constraints: [constraint],
});

describe('AsynchronousHalving with constraints', () => {
  test('promotes the top 1/eta of a rung by standing (feasible by value, then infeasible by violation), also as results arrive and after a restore', () => {
    const scheduler = halving();
    const first = scheduler.ask(3);
    scheduler.tell([result(first[0]!, 0, 1), result(first[1]!, 5), result(first[2]!, 9)]);
    const [promoted] = scheduler.ask(1);
    expect(promoted!.continues).toBe(1);
    // Three more results join the rung's ranking as they arrive: two better values, both infeasible.
    const more = scheduler.ask(3);
    expect(more.every((t) => t.continues === undefined)).toBe(true);
    scheduler.tell([result(more[0]!, -10, 0.5), result(more[1]!, 100), result(more[2]!, -20, 0.2)]);
    const copy = halving();
    copy.restore(copy.stateSchema.parse(JSON.parse(JSON.stringify(scheduler.state()))));
    for (const s of [scheduler, copy]) expect(s.ask(1)[0]!.continues).toBe(2);
  });
});
