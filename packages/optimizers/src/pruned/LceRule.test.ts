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

  test('constraints: the incumbent satisfies them at the last checkpoint; a trial breaking them where the incumbent did not stops', () => {
    const feasible = (values: readonly number[]) => values.map(() => 0);
    const lowButInfeasible: Curve = { values: curve(40, 0), violations: curve(40, 0).map(() => 1), status: 'complete' };
    const bad = curve(40, 30).slice(0, 4);
    // The infeasible completed trial is no incumbent: nothing to beat yet.
    expect(rule.stops(3, 4, running(curve(40, 10).slice(0, 4)), [lowButInfeasible])).toBe(false);
    const withFeasible = [lowButInfeasible, { ...incumbent, violations: feasible(incumbent.values) }];
    // Judged against 13.9, not against the infeasible 1.0.
    const good = curve(60, 5).slice(0, 4);
    expect(rule.stops(3, 4, running(good), withFeasible)).toBe(false);
    expect(rule.stops(3, 4, running(bad), withFeasible)).toBe(true);
    // Breaking the constraint at the checkpoint where the incumbent satisfied it stops the trial, however good its values.
    expect(rule.stops(3, 4, { values: good, violations: [0, 0, 0, 0.5], status: 'running' }, withFeasible)).toBe(true);
    // A low value at a checkpoint where it broke the constraint is not "already as good".
    expect(rule.stops(3, 4, { values: bad, violations: [0, 0, 0, 0], status: 'running' }, withFeasible)).toBe(true);
    const strict = new LceRule(budgets, { threshold: 0.99, minPoints: 3, startupTrials: 1 });
    expect(strict.stops(3, 4, { values: [bad[0]!, 13, bad[2]!, bad[3]!], violations: [0, 1, 0, 0], status: 'running' }, withFeasible)).toBe(true);
  });
});
