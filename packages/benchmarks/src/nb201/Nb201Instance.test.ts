import { describe, expect, test } from 'vitest';
import { NB201_INSTANCES, nb201Instance } from './Nb201Instance';
import { loadNb201Table, NB201_CELLS } from './Nb201Table';

const table = await loadNb201Table();

describe.each(NB201_INSTANCES)('nb201Instance %s', (name) => {
  test('the whole columns hold exactly the values of the cells, which are cached', () => {
    const instance = nb201Instance(table, name);
    const columns = instance.columns();
    expect(instance.columns()).toBe(columns);
    for (let i = 0; i < NB201_CELLS; i += 7) {
      const cell = instance.cell(i);
      expect(instance.cell(i)).toBe(cell);
      expect([
        columns.validAcc200[i],
        columns.validAcc12[i],
        columns.validError200[i],
        columns.validError12[i],
        columns.testAcc200[i],
        columns.testAcc12[i],
      ]).toEqual([cell.validAcc200, cell.validAcc12, cell.validError200, cell.validError12, cell.testAcc200, cell.testAcc12]);
      expect([
        columns.trainTime200[i],
        columns.trainTime12[i],
        columns.paramsMb[i],
        columns.flopsM[i],
        columns.latencyS[i],
        columns.latencyRecorded[i],
      ]).toEqual([cell.trainTime200, cell.trainTime12, cell.paramsMb, cell.flopsM, cell.latencyS, cell.latencyRecorded]);
      expect(columns.seeds.map((s) => s[i])).toEqual([...cell.seeds]);
      expect(columns.seedErrors.map((s) => s[i])).toEqual([...cell.seedErrors]);
      expect(instance.seedCount[i]).toBe(Number.isNaN(cell.seeds[2]) ? 2 : 3);
    }
  });
});
