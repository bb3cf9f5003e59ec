import { describe, expect, test } from 'vitest';
import { attainmentSurfaces } from './attainmentSurfaces';
import { DashboardData } from './DashboardData';
import { writeSmallGrid } from './dashboardFixtures';
import type { SurfacesOf } from './taskView';

describe('DashboardData', () => {
  test('answers from memory until the folder changes, and does not keep a failed task view', async () => {
    const dir = await writeSmallGrid();
    let calls = 0;
    const flaky: SurfacesOf = (runs, objectives) => {
      calls += 1;
      if (calls === 1) throw new Error('failed once');
      return attainmentSurfaces(runs, objectives);
    };
    const data = new DashboardData(dir, flaky);
    expect(data.grid()).toBe(data.grid());
    await expect(data.task('nb201-mo')).rejects.toThrow('failed once');
    const view = await data.task('nb201-mo');
    expect(view.charts.map((c) => c.id)).toContain('pareto');
    expect(await data.task('nb201-mo')).toBe(view);
    const before = data.grid();
    data.changed();
    expect(data.version).toBe(1);
    expect(data.grid()).not.toBe(before);
    expect(await data.task('nb201-mo')).not.toBe(view);
    expect(calls).toBe(3);
  });
});
