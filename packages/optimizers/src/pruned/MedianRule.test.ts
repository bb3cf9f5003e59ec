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
});
