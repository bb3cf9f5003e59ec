import { fc, test } from '@fast-check/vitest';
import type { Observation } from '@jahskit/core';
import { ConfigurationSpace, float } from '@jahskit/spaces';
import { describe, expect, it } from 'vitest';
import { compareStanding, standingOf } from '../standing';
import { ObservationRows } from './ObservationRows';
import { UnitCodec } from './UnitCodec';
import { scalarObservation } from '../testing/scalarObservation';

const codec = new UnitCodec(new ConfigurationSpace({ name: 'x', parameters: [float('x', 0, 1)] }));
const observation = (id: number, status: Observation['status'], value: number, constraints: number[]): Observation =>
  scalarObservation(status, value, constraints, id, { x: 0.5 });

describe('ObservationRows', () => {
  test.prop([fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { maxLength: 40 })])(
    'without constraints, sorted is the stable order of the values',
    (values) => {
      const rows = new ObservationRows(codec, undefined, 2);
      values.forEach((v, i) => rows.add(i, { x: 0.5 }, v));
      const expected = values
        .map((v, i) => ({ v, i }))
        .sort((a, b) => a.v - b.v || a.i - b.i)
        .map((e) => e.i);
      expect([...rows.sorted.subarray(0, rows.size)]).toEqual(expected);
    },
  );

  const told = fc.record({
    status: fc.constantFrom<Observation['status']>('ok', 'ok', 'failed'),
    value: fc.double({ min: -1e3, max: 1e3, noNaN: true }),
    constraints: fc.array(fc.double({ min: -2, max: 2, noNaN: true }), { minLength: 2, maxLength: 2 }),
  });

  test.prop([fc.array(told, { maxLength: 40 })])('with constraints, sorted is the stable standing order of the observations it keeps (c-TPE split)', (list) => {
    const rows = new ObservationRows(codec, undefined, 2);
    const kept: Observation[] = [];
    list.forEach((t, i) => {
      const o = observation(i, t.status, t.value, t.constraints);
      if (rows.addObservation(o)) kept.push(o);
    });
    // Failures are kept only when they are known to break a constraint.
    expect(kept.filter((o) => o.status !== 'ok').every((o) => standingOf(o).key > 0)).toBe(true);
    const expected = kept
      .map((o, row) => ({ s: standingOf(o), row }))
      .sort((a, b) => compareStanding(a.s, b.s) || a.row - b.row)
      .map((e) => e.row);
    expect([...rows.sorted.subarray(0, rows.size)]).toEqual(expected);
  });

  it('feasible rows come first whatever their values; the least violating infeasible next', () => {
    const rows = new ObservationRows(codec);
    rows.addObservation(observation(0, 'ok', -100, [0.5]));
    rows.addObservation(observation(1, 'ok', 10, [-1]));
    rows.addObservation(observation(2, 'failed', 0, [0.1]));
    rows.addObservation(observation(3, 'ok', -50, [0.2]));
    rows.addObservation(observation(4, 'failed', 0, [0]));
    expect([...rows.sorted.subarray(0, rows.size)].map((r) => rows.ids[r])).toEqual([1, 3, 0, 2]);
  });
});
