import { fc, test } from '@fast-check/vitest';
import { hypervolume } from '@jahskit/multiobjective';
import { describe, expect } from 'vitest';
import type { RunHeader } from '../compare/RunHeader';
import { runTrajectory, valueAt } from './runTrajectory';

const base: RunHeader = {
  task: 't',
  title: 't',
  benchmark: 'b',
  benchmarkOptions: {},
  optimizer: 'rs',
  optimizerOptions: {},
  seed: 0,
  budget: { evaluations: 10 },
  workers: 1,
  objectives: [{ name: 'err', direction: 'minimize', cheap: false }],
  fullFidelity: { epoch: 200 },
  metric: 'best',
  axis: 'evaluations',
};
const ok = (err: number, epoch = 200, end = 0) => ({ status: 'ok', fidelity: { epoch }, objectives: { err }, end });

describe('runTrajectory', () => {
  test('best so far, counting only ok results at full fidelity', () => {
    const steps = runTrajectory(base, [ok(5), ok(1, 12), { status: 'failed', fidelity: { epoch: 200 }, objectives: {} }, ok(3), ok(4), ok(2)]);
    expect(steps).toEqual({ x: [1, 4, 6], value: [5, 3, 2] });
    expect(valueAt(steps, 0.5)).toBeUndefined();
    expect(valueAt(steps, 5)).toBe(3);
    expect(valueAt(steps, 100)).toBe(2);
  });

  test('a constrained run counts only trials that satisfy every constraint: the best feasible so far', () => {
    const header: RunHeader = { ...base, constraints: ['lat <= 1', 'size <= 2'] };
    const c = (err: number, ...constraints: number[]) => ({ ...ok(err), constraints });
    // 1 breaks the first constraint, 0.5 has no constraint values (not known to be feasible).
    const steps = runTrajectory(header, [c(5, 0, -1), c(1, 0.1, -1), ok(0.5), c(3, -2, 0), c(4, -1, -1), c(2, -1, 1e-9)]);
    expect(steps).toEqual({ x: [1, 4], value: [5, 3] });
    expect(runTrajectory(header, [c(1, 1, 1), c(2, 0, 3)])).toEqual({ x: [], value: [] });
    // Without constraints in the header, values on the lines change nothing.
    expect(runTrajectory(base, [c(5, 1), c(1, 1)]).value).toEqual([5, 1]);
  });

  test.prop([fc.array(fc.record({ err: fc.double({ min: 0, max: 100, noNaN: true }), c: fc.double({ min: -1, max: 1, noNaN: true }) }), { maxLength: 30 })])(
    'the constrained trajectory ends at the minimum over the feasible trials',
    (trials) => {
      const header: RunHeader = { ...base, constraints: ['x <= 0'] };
      const steps = runTrajectory(
        header,
        trials.map((t) => ({ ...ok(t.err), constraints: [t.c] })),
      );
      const feasible = trials.filter((t) => t.c <= 0).map((t) => t.err);
      expect(steps.value.at(-1)).toBe(feasible.length === 0 ? undefined : Math.min(...feasible));
    },
  );

  test('regret to the optimum, on simulated runtime over the mean evaluation runtime', () => {
    const header: RunHeader = { ...base, metric: 'regret', optimum: 1, axis: 'mean-evaluations', meanEvaluationSeconds: 10 };
    expect(runTrajectory(header, [ok(5, 200, 10), ok(3, 200, 25)])).toEqual({ x: [1, 2.5], value: [4, 2] });
  });

  test('a maximised objective: best is the largest, regret is optimum minus value', () => {
    const header: RunHeader = { ...base, objectives: [{ name: 'err', direction: 'maximize', cheap: false }], metric: 'regret', optimum: 10 };
    expect(runTrajectory(header, [ok(5), ok(7), ok(6)]).value).toEqual([5, 3]);
  });

  const points = fc.array(fc.tuple(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 12 })), { minLength: 1, maxLength: 30 });
  test.prop([points])('the hypervolume trajectory equals the hypervolume of every result so far', (pts) => {
    const header: RunHeader = {
      ...base,
      objectives: [
        { name: 'a', direction: 'minimize', cheap: false },
        { name: 'b', direction: 'maximize', cheap: false },
      ],
      metric: 'hypervolume',
      referencePoint: [10, 2],
    };
    const records = pts.map(([a, b]) => ({ status: 'ok', fidelity: { epoch: 200 }, objectives: { a, b } }));
    const steps = runTrajectory(header, records);
    for (let i = 1; i <= pts.length; i++) {
      const expected = hypervolume(Float64Array.from(pts.slice(0, i).flatMap(([a, b]) => [a, -b])), 2, [10, -2]);
      expect(valueAt(steps, i) ?? 0).toBeCloseTo(expected, 9);
    }
    // Monotone: a hypervolume never shrinks.
    for (let i = 1; i < steps.value.length; i++) expect(steps.value[i]).toBeGreaterThan(steps.value[i - 1]!);
  });
});
