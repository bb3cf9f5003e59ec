import type { JsonValue, Observation, Optimizer, Trial } from '@jahskit/core';
import { coreErrorOf } from '@jahskit/core/testing';
import { describe, expect, test } from 'vitest';
import { WarmStartOptimizer } from './WarmStartOptimizer';

/** An optimizer that proposes {x: its id} and remembers what it was told. */
function recorder() {
  let next = 0;
  const told: Observation[] = [];
  const inner: Optimizer = {
    capabilities: { objectives: 'single', multiFidelity: false, asynchronous: true },
    ask: (n) => Array.from({ length: n }, (): Trial => ({ id: next, config: { x: next++ }, fidelity: {} })),
    tell: (observations) => void told.push(...observations),
    state: () => ({ next }),
    restore: (state: JsonValue) => void (next = (state as { next: number }).next),
  };
  return { inner, told };
}

const observe = (trial: Trial, value: number): Observation => ({ trial, status: 'ok', values: [value], metrics: {}, cost: 0, constraints: [] });

describe('WarmStartOptimizer', () => {
  test('hands out the given configurations first, then the inner optimizer’s trials after them', () => {
    const { inner } = recorder();
    const warm = new WarmStartOptimizer(inner, [{ x: 10 }, { x: 11 }, { x: 12 }]);
    expect(warm.ask(2)).toEqual([
      { id: 0, config: { x: 10 }, fidelity: {} },
      { id: 1, config: { x: 11 }, fidelity: {} },
    ]);
    // An ask reaching the end of the given ones returns only those left.
    expect(warm.ask(5)).toEqual([{ id: 2, config: { x: 12 }, fidelity: {} }]);
    expect(warm.ask(2)).toEqual([
      { id: 3, config: { x: 0 }, fidelity: {} },
      { id: 4, config: { x: 1 }, fidelity: {} },
    ]);
    expect(warm.capabilities).toBe(inner.capabilities);
  });

  test('the inner optimizer is told every result: the given ones as they are, its own under its own ids', () => {
    const { inner, told } = recorder();
    const warm = new WarmStartOptimizer(inner, [{ x: 10 }, { x: 11 }]);
    const given = warm.ask(2);
    warm.tell(given.map((t, i) => observe(t, i)));
    expect(told.map((o) => [o.trial.id, o.trial.config, o.values])).toEqual([
      [0, { x: 10 }, [0]],
      [1, { x: 11 }, [1]],
    ]);
    const [own] = warm.ask(1);
    expect(own?.id).toBe(2);
    warm.tell([observe(own as Trial, 5)]);
    expect(told[2]?.trial).toEqual({ id: 0, config: { x: 0 }, fidelity: {} });
  });

  test('state and restore carry how many given trials were handed out; a foreign state is refused', () => {
    const a = new WarmStartOptimizer(recorder().inner, [{ x: 10 }, { x: 11 }]);
    a.ask(3);
    const b = new WarmStartOptimizer(recorder().inner, [{ x: 10 }, { x: 11 }]);
    b.restore(a.state());
    expect(b.ask(1)).toEqual(a.ask(1));
    expect(coreErrorOf(() => b.restore({ next: 1 }))).toMatchObject({ kind: 'invalid-state', parameter: 'state' });
    expect(coreErrorOf(() => new WarmStartOptimizer(recorder().inner, [{ x: 1 }]).restore(a.state()))).toMatchObject({ kind: 'invalid-state' });
  });
});
