import { describe, expect, test } from 'vitest';
import { hypervolume } from './hypervolume';

/**
 * Published values from BoTorch's hypervolume tests (pytorch/botorch,
 * test/utils/multi_objective/test_hypervolume.py). BoTorch maximises, so points and reference
 * points are negated here; the volumes are the same.
 */
const negate = (rows: number[][]): Float64Array => Float64Array.from(rows.flat().map((v) => -v));
const relative = (value: number, expected: number): number => Math.abs(value - expected) / Math.abs(expected);

const PARETO_Y_5D = [
  [-0.42890000759972685, -0.1446377658556118, -0.10335085850913295, -0.49502106785623134, -0.7344368200145969],
  [-0.5124511265981003, -0.5332028064973291, -0.36775794432917486, -0.5261970836251835, -0.20238412378158688],
  [-0.5960106882406603, -0.32491865590163566, -0.5815435820797972, -0.08375675085018466, -0.44044408882261904],
  [-0.6135323874039154, -0.5658986040644925, -0.39684098121151284, -0.3798488823307603, -0.03960860698719982],
  [-0.3957157311550265, -0.4045394517331393, -0.07282417302694655, -0.5699496614967537, -0.5912790502720109],
  [-0.06392539039575441, -0.17204800894814581, -0.6620860391018546, -0.7241037454151875, -0.06024010111083461],
];

describe('hypervolume reproduces BoTorch published values to 1e-9 relative', () => {
  const twoD = [
    [8.5, 3.0],
    [8.5, 3.5],
    [5.0, 5.0],
    [9.0, 1.0],
    [4.0, 5.0],
  ];

  test('2-D, reference (0, 0): 37.75', () => {
    expect(relative(hypervolume(negate(twoD), 2, [-0, -0]), 37.75)).toBeLessThan(1e-9);
  });

  test('2-D, reference (1, 0.5): 28.75', () => {
    expect(relative(hypervolume(negate(twoD), 2, [-1, -0.5]), 28.75)).toBeLessThan(1e-9);
  });

  test('3-D unit points, reference (-2.1, -2.5, -2.3): 11.075', () => {
    const points = negate([
      [-1, 0, 0],
      [0, -1, 0],
      [0, 0, -1],
    ]);
    expect(relative(hypervolume(points, 3, [2.1, 2.5, 2.3]), 11.075)).toBeLessThan(1e-9);
  });

  test('4-D unit points, reference (-2.1, -2.5, -2.3, -2.0): 23.15', () => {
    const points = negate([
      [-1, 0, 0, 0],
      [0, -1, 0, 0],
      [0, 0, -1, 0],
      [0, 0, 0, -1],
    ]);
    expect(relative(hypervolume(points, 4, [2.1, 2.5, 2.3, 2.0]), 23.15)).toBeLessThan(1e-9);
  });

  test('5-D DTLZ2 front, reference -1.1: 0.42127855991587', () => {
    expect(relative(hypervolume(negate(PARETO_Y_5D), 5, [1.1, 1.1, 1.1, 1.1, 1.1]), 0.42127855991587)).toBeLessThan(1e-9);
  });
});
