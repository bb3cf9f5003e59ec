import { describe, expect, test } from 'vitest';
import { MedianRule } from './MedianRule';
import type { Curve } from './PruningRule';

const complete = (...values: number[]): Curve => ({ values, status: 'complete' });
const running = (...values: number[]): Curve => ({ values, status: 'running' });

describe('MedianRule', () => {
  const rule = new MedianRule({ startupTrials: 2, warmupBudget: 0, minTrials: 1 });

  test('stops a trial whose best value so far is worse than the median of the completed trials at the rung', () => {
    const curves = [complete(5, 3, 1), complete(7, 4, 2), complete(9, 6, 3)];
    expect(rule.stops(0, 1, running(8), [...curves, running(8)])).toBe(true);
    expect(rule.stops(0, 1, running(7), curves)).toBe(false);
    // At rung 1 the bar is the median 4; what counts is the best value so far (5, then 3.5 from rung 0).
    expect(rule.stops(1, 3, running(6, 5), curves)).toBe(true);
    expect(rule.stops(1, 3, running(3.5, 5), curves)).toBe(false);
  });

  test('even counts take the mean of the middle two', () => {
    expect(rule.stops(0, 1, running(6.5), [complete(5), complete(8)])).toBe(false);
    expect(rule.stops(0, 1, running(6.6), [complete(5), complete(8)])).toBe(true);
  });

  test('pruned, failed and running trials do not set the bar, and do not count as started up', () => {
    const others: Curve[] = [{ values: [0], status: 'pruned' }, { values: [0], status: 'failed' }, running(0), complete(10)];
    expect(rule.stops(0, 1, running(20), others)).toBe(false);
    expect(rule.stops(0, 1, running(20), [...others, complete(10)])).toBe(true);
  });

  test('warm-up and minimum trials hold pruning back', () => {
    const curves = [complete(1, 1), complete(1, 1), complete(1, 1)];
    expect(new MedianRule({ startupTrials: 0, warmupBudget: 5, minTrials: 1 }).stops(0, 3, running(9), curves)).toBe(false);
    expect(new MedianRule({ startupTrials: 0, warmupBudget: 5, minTrials: 1 }).stops(1, 9, running(9, 9), curves)).toBe(true);
    expect(new MedianRule({ startupTrials: 0, warmupBudget: 0, minTrials: 4 }).stops(0, 1, running(9), curves)).toBe(false);
  });

  test('constraints: trials rank by standing at the rung (feasible by value, then infeasible by violation)', () => {
    const constrained = (values: number[], violations: number[], status: Curve['status'] = 'complete'): Curve => ({ values, violations, status });
    // The two best values break the constraint: the median standing is the feasible 11, not 9.
    const curves = [constrained([1], [2]), constrained([2], [1]), constrained([9], [0]), constrained([10], [0]), constrained([11], [0])];
    expect(rule.stops(0, 1, running(10.5), curves)).toBe(false);
    expect(rule.stops(0, 1, running(11.5), curves)).toBe(true);
    expect(rule.stops(0, 1, constrained([0], [0.5], 'running'), curves)).toBe(true);
    // A trial's best so far is its best standing: feasible at rung 0 counts over a lower infeasible value at rung 1.
    const two = [constrained([5, 4], [0, 0]), constrained([5, 5], [0, 0]), constrained([5, 6], [0, 0])];
    expect(rule.stops(1, 3, constrained([4.5, 1], [0, 3], 'running'), two)).toBe(false);
    expect(rule.stops(1, 3, constrained([6, 1], [0, 3], 'running'), two)).toBe(true);
    // Every completed trial infeasible: the bar is the median violation.
    const infeasible = [constrained([1], [1]), constrained([1], [2]), constrained([1], [3])];
    expect(rule.stops(0, 1, constrained([9], [1.5], 'running'), infeasible)).toBe(false);
    expect(rule.stops(0, 1, constrained([0], [2.5], 'running'), infeasible)).toBe(true);
  });
});
