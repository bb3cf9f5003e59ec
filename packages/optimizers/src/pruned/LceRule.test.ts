import { describe, expect, test } from 'vitest';
import { LceRule } from './LceRule';
import type { Curve } from './PruningRule';

const budgets = [1, 2, 3, 4, 6, 9, 13, 20, 27];
const curve = (a: number, c: number) => budgets.map((x) => c + a * Math.pow(x, -0.7));
const complete = (values: number[]): Curve => ({ values, status: 'complete' });
const running = (values: number[]): Curve => ({ values, status: 'running' });

describe('LceRule', () => {
  const rule = new LceRule(budgets, { threshold: 0.05, minPoints: 3, startupTrials: 1 });
  const incumbent = complete(curve(40, 10)); // ends at 13.9

  test('stops a trial whose extrapolated curve ends far above the incumbent', () => {
    const bad = curve(40, 30).slice(0, 4);
    expect(rule.stops(3, 4, running(bad), [incumbent, running(bad)])).toBe(true);
  });

  test('keeps a trial whose curve heads below the incumbent, or is already below it', () => {
    const good = curve(60, 5).slice(0, 4); // ends at 10.8 although it starts higher
    expect(good[0]).toBeGreaterThan(incumbent.values[0]!);
    expect(rule.stops(3, 4, running(good), [incumbent])).toBe(false);
    expect(rule.stops(3, 4, running([20, 15, 13]), [incumbent])).toBe(false);
  });

  test('holds back before minPoints checkpoints and before startupTrials completed trials', () => {
    const bad = curve(40, 30);
    expect(rule.stops(1, 2, running(bad.slice(0, 2)), [incumbent])).toBe(false);
    expect(new LceRule(budgets, { threshold: 0.05, minPoints: 5, startupTrials: 1 }).stops(3, 4, running(bad.slice(0, 4)), [incumbent])).toBe(false);
    expect(new LceRule(budgets, { threshold: 0.05, minPoints: 3, startupTrials: 2 }).stops(3, 4, running(bad.slice(0, 4)), [incumbent])).toBe(false);
    // Pruned, failed and running trials are not incumbents.
    expect(rule.stops(3, 4, running(bad.slice(0, 4)), [{ values: [0, 0, 0, 0], status: 'pruned' }, running([0, 0, 0, 0])])).toBe(false);
  });
});
